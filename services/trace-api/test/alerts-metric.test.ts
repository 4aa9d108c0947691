import { buildTraceTree } from '@tracing-lab/trace-analysis';
import { describe, expect, it } from 'vitest';
import { recordedTrace } from '@tracing-lab/trace-analysis/test-support/fixtures';
import { measureAlert } from '../src/alert-metric.js';
import { NOW_MS, request, requests } from './support/requests.js';

const errorRate = { service: 'backend', metric: 'error_rate', windowMs: 60_000, minSamples: 1 } as const;
const p95 = { ...errorRate, metric: 'p95_ms' } as const;

describe('measureAlert error_rate', () => {
  it('is the share of the service’s server spans in the window that failed, with the newest failures as examples', () => {
    const trees = [request('t1', { secondsAgo: 40 }), request('t2', { secondsAgo: 30, error: true }), request('t3', { secondsAgo: 20 }), request('t4', { secondsAgo: 10, error: true })];
    expect(measureAlert(errorRate, trees, NOW_MS)).toEqual({ value: 0.5, samples: 4, exampleTraceIds: ['t4', 't2'] });
  });

  it('counts only server spans of the rule’s service that started inside the window', () => {
    const trees = [
      request('in', { secondsAgo: 59 }),
      request('too-old', { secondsAgo: 61, error: true }),
      request('other-service', { service: 'frontend', error: true }),
      request('client-span', { kind: 'client', error: true }),
      request('internal-span', { kind: 'internal', error: true }),
    ];
    expect(measureAlert(errorRate, trees, NOW_MS)).toEqual({ value: 0, samples: 1, exampleTraceIds: [] });
  });

  it('is rounded to 4 decimals, and keeps at most 3 example traces', () => {
    const fiveFailedOneServed = [...requests('f', 5, 1), request('ok')];
    expect(measureAlert(errorRate, fiveFailedOneServed, NOW_MS)).toEqual({ value: 0.8333, samples: 6, exampleTraceIds: ['f1', 'f2', 'f3'] });
  });

  it('has no value while the window holds fewer spans than minSamples', () => {
    expect(measureAlert({ ...errorRate, minSamples: 5 }, requests('t', 4, 1), NOW_MS)).toEqual({ value: null, samples: 4, exampleTraceIds: [] });
  });

  it('has no value for an empty window, whatever minSamples says', () => {
    expect(measureAlert({ ...errorRate, minSamples: 0 }, [], NOW_MS)).toEqual({ value: null, samples: 0, exampleTraceIds: [] });
  });

  it('is 1 for the backend in the recorded backend-error trace, which is the example', () => {
    const tree = buildTraceTree(recordedTrace('backend-error'));
    const now = tree.endUs / 1000;
    expect(measureAlert(errorRate, [tree], now)).toEqual({ value: 1, samples: 1, exampleTraceIds: [tree.traceId] });
    expect(measureAlert({ ...errorRate, service: 'frontend' }, [tree], now)).toEqual({ value: 1, samples: 1, exampleTraceIds: [tree.traceId] });
  });

  it('is 0 for the backend in the recorded order trace', () => {
    const tree = buildTraceTree(recordedTrace('order'));
    expect(measureAlert(errorRate, [tree], tree.endUs / 1000)).toMatchObject({ value: 0, samples: 1 });
  });
});

describe('measureAlert p95_ms', () => {
  it('is the nearest-rank 95th percentile of the server spans’ durations in ms, with the slowest traces as examples', () => {
    const trees = Array.from({ length: 20 }, (_, i) => request(`t${i + 1}`, { durationMs: i + 1 }));
    expect(measureAlert(p95, trees, NOW_MS)).toEqual({ value: 19, samples: 20, exampleTraceIds: ['t20', 't19', 't18'] });
  });

  it('keeps durations to the microsecond', () => {
    expect(measureAlert(p95, [request('t1', { durationMs: 12.3456 })], NOW_MS)).toMatchObject({ value: 12.346 });
  });

  it('finds the 500 ms query of the recorded slow-db trace in the database’s server spans', () => {
    const tree = buildTraceTree(recordedTrace('slow-db'));
    const measured = measureAlert({ ...p95, service: 'database' }, [tree], tree.endUs / 1000);
    expect(measured.value).toBeGreaterThan(500);
    expect(measured.exampleTraceIds).toEqual([tree.traceId]);
  });
});
