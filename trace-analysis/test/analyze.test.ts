import { describe, expect, it } from 'vitest';
import { analyzeTrace, buildTraceTree, IDLE_ENTRY } from '../src/index.js';
import { type FixtureName, recordedTrace } from './support/fixtures.js';

function analysisOf(name: FixtureName) {
  const tree = buildTraceTree(recordedTrace(name));
  return { tree, analysis: analyzeTrace(tree) };
}

const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

describe('analyzeTrace on traces the mesh recorded', () => {
  it.each<FixtureName>(['order', 'slow-db', 'backend-error'])('gives a %s service breakdown that adds up to the trace duration', (name) => {
    const { analysis } = analysisOf(name);
    expect(sumOf(Object.values(analysis.serviceBreakdown))).toBeCloseTo(analysis.totalDuration, 2);
  });

  it('reports the injected slow-db query as the top bottleneck, and on the critical path', () => {
    const { tree, analysis } = analysisOf('slow-db');
    const top = analysis.bottlenecks[0];
    const topSpan = tree.byId.get(top?.spanId ?? '');

    expect(top?.span).toBe('database:pg.query:SELECT lab');
    expect(topSpan?.attributes['db.query.text']).toMatch(/^SELECT pg_sleep/);
    expect(top?.percentage).toBeGreaterThan(40);
    expect(top?.onCriticalPath).toBe(true);
    expect(analysis.criticalPathSpans.map((span) => span.spanId)).toContain(top?.spanId);
  });

  it('lists both slow-db sleeps (the order and the notification) as the only bottlenecks, largest first', () => {
    const { tree, analysis } = analysisOf('slow-db');
    const statements = analysis.bottlenecks.map((b) => tree.byId.get(b.spanId)?.attributes['db.query.text']);
    expect(statements).toEqual(['SELECT pg_sleep($1) /* lab fault scenario: slow-db */', 'SELECT pg_sleep($1) /* lab fault scenario: slow-db */']);
    expect(analysis.bottlenecks.map((b) => [b.duration, b.onCriticalPath])).toEqual([[502.28, true], [501.192, false]]);
  });

  it("puts the database first in the slow-db breakdown, and last the order event's wait in the queue, when no span is open", () => {
    expect(Object.keys(analysisOf('slow-db').analysis.serviceBreakdown)).toEqual(['database', 'notifier', 'frontend', 'backend', IDLE_ENTRY]);
  });

  it('starts the critical path at the root and goes down to the database in the order trace', () => {
    const path = analysisOf('order').analysis.criticalPath;
    expect(path[0]).toBe('frontend:POST /api/orders');
    expect(path).toEqual(expect.arrayContaining(['backend:POST /orders', 'database:POST /db/orders', 'database:pg.query:INSERT lab']));
  });

  it('finds the backend handler as the root cause of the backend-error trace, with its chain to the root', () => {
    expect(analysisOf('backend-error').analysis.errorRootCause).toEqual({
      spanId: '3ac3283927ba97f6',
      span: 'backend:request handler',
      message: "order processing failed (lab fault scenario 'backend-error')",
      chain: ['frontend:POST /api/orders', 'frontend:request handler', 'frontend:POST', 'backend:POST /orders', 'backend:request handler'],
    });
  });

  it('reports no root cause for a trace without errors', () => {
    expect(analysisOf('order').analysis.errorRootCause).toBeNull();
  });

  it('counts the six entries into a service in the order trace: frontend, backend, database, notifier, then database twice (the lookup and the insert)', () => {
    expect(analysisOf('order').analysis.serviceCalls).toBe(6);
  });

  it('has no idle entry when a span is open all along', () => {
    expect(analysisOf('order').analysis.serviceBreakdown).not.toHaveProperty(IDLE_ENTRY);
  });
});
