import { describe, expect, it } from 'vitest';
import { buildTraceTree, compareTraces, dependencyGraph, latencyAnomalies, percentile, traceStats } from '../src/index.js';
import { recordedTrace, syntheticTrace } from './support/fixtures.js';

const order = buildTraceTree(recordedTrace('order'));
const slowDb = buildTraceTree(recordedTrace('slow-db'));
const backendError = buildTraceTree(recordedTrace('backend-error'));

describe('dependencyGraph', () => {
  it('lists every service-to-service edge of the recorded traces with its calls, errors and p95', () => {
    const edges = dependencyGraph([order, slowDb, backendError]).map((e) => `${e.parent} -> ${e.child}: ${e.callCount} calls, ${e.errorCount} errors, rate ${e.errorRate}`);
    expect(edges).toEqual([
      'backend -> database: 2 calls, 0 errors, rate 0',
      'database -> notifier: 2 calls, 0 errors, rate 0',
      'frontend -> backend: 3 calls, 1 errors, rate 0.3333',
      'notifier -> database: 4 calls, 0 errors, rate 0',
    ]);
  });

  it("takes the edge's p95 from the called spans' durations", () => {
    const edge = dependencyGraph([order, slowDb]).find((e) => e.parent === 'backend' && e.child === 'database');
    expect(edge?.p95).toBe(512.019);
  });
});

describe('percentile', () => {
  it.each([
    [[5], 95, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 50, 5],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
  ])('of %j at p%i is %i', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('latencyAnomalies', () => {
  it('flags the slow-db trace among ordinary orders, on every span the sleeps slowed down', () => {
    const baseline = Array.from({ length: 6 }, () => order);
    const fromSlowDb = latencyAnomalies([...baseline, slowDb]).filter((a) => a.traceId === slowDb.traceId);
    expect(fromSlowDb.map((a) => a.spanId)).toEqual(expect.arrayContaining(['27a440ea6ef27a67', 'd5a04d8411a18188', '6ace6d0136ea1229']));
    expect(fromSlowDb.find((a) => a.spanId === '27a440ea6ef27a67')).toMatchObject({ operation: 'database:pg.query:SELECT lab', duration: 502.28, baselineMedian: 1.005 });
  });

  it.each([
    [4, []],
    [5, ['t4']],
  ])('with %i samples of an operation, flags %j', (count, flagged) => {
    const durations = [...Array.from({ length: count - 1 }, (_, i) => 100 + i), 900];
    const traces = durations.map((duration, i) => buildTraceTree(syntheticTrace([['op', undefined, 's', 0, duration * 1000]], `t${i}`)));
    expect(latencyAnomalies(traces).map((a) => a.traceId)).toEqual(flagged);
  });

  it('does not report sub-millisecond jitter on a steady operation', () => {
    const traces = [100, 101, 100, 100, 102, 100, 250].map((duration, i) =>
      buildTraceTree(syntheticTrace([['op', undefined, 's', 0, duration]], `t${i}`)),
    );
    expect(latencyAnomalies(traces)).toEqual([]);
  });
});

describe('compareTraces', () => {
  it('finds the slow-db query slower and the spans only one trace had', () => {
    const comparison = compareTraces(order, slowDb);
    expect(comparison.slower[0]).toMatchObject({
      path: 'frontend:POST /api/orders > frontend:request handler > frontend:POST > backend:POST /orders > backend:request handler > backend:POST > database:POST /db/orders > database:request handler > database:pg.query:SELECT lab',
      durationA: 0.974,
      durationB: 502.28,
      selfDelta: 501.43,
    });
    expect(comparison.appeared.map((s) => s.path.split(' > ').at(-1))).toContain('database:pg.query:SELECT lab#1');
    expect(comparison.delta).toBeCloseTo(1065.852 - 55.066, 3);
  });

  it('reports everything past the backend as vanished when the backend fails', () => {
    const comparison = compareTraces(order, backendError);
    expect(comparison.vanished.map((s) => s.path.split(' > ').at(-1))).toEqual(expect.arrayContaining(['database:POST /db/orders', 'database:publish orders']));
    expect(comparison.appeared).toEqual([]);
  });

  it('finds no change between a trace and itself', () => {
    const comparison = compareTraces(order, order);
    expect([comparison.slower, comparison.faster, comparison.appeared, comparison.vanished]).toEqual([[], [], [], []]);
  });
});

describe('traceStats', () => {
  it('counts, averages and ranks the recorded traces', () => {
    const stats = traceStats([order, slowDb, backendError]);
    expect(stats).toMatchObject({
      totalTraces: 3,
      completedTraces: 2,
      failedTraces: 1,
      slowestTraces: [
        { traceId: slowDb.traceId, duration: 1065.852 },
        { traceId: order.traceId, duration: 55.066 },
        { traceId: backendError.traceId, duration: 12.169 },
      ],
    });
    expect(stats.serviceStats.database?.count).toBe(6);
    expect(stats.avgDuration).toBeCloseTo((1065.852 + 55.066 + 12.169) / 3, 3);
  });
});
