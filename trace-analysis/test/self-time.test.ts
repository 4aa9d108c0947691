import { describe, expect, it } from 'vitest';
import { buildTraceTree, selfTimes } from '../src/index.js';
import { recordedTrace, type SpanRow, syntheticTrace } from './support/fixtures.js';

function selfOf(rows: SpanRow[]): { self: Record<string, number>; idle: number } {
  const times = selfTimes(buildTraceTree(syntheticTrace(rows)));
  return { self: Object.fromEntries(times.bySpanId), idle: times.idleUs };
}

describe('selfTimes', () => {
  it.each<{ shape: string; rows: SpanRow[]; self: Record<string, number>; idle?: number }>([
    {
      shape: 'a parent minus its sequential children',
      rows: [['a', undefined, 's', 0, 100], ['b', 'a', 's', 10, 20], ['c', 'a', 's', 40, 30]],
      self: { a: 50, b: 20, c: 30 },
    },
    {
      shape: 'two concurrent children sharing the time they overlap',
      rows: [['a', undefined, 's', 0, 100], ['b', 'a', 's', 10, 40], ['c', 'a', 's', 30, 40]],
      self: { a: 40, b: 30, c: 30 },
    },
    {
      shape: 'a child outliving its parent, like a message consumer',
      rows: [['a', undefined, 's', 0, 100], ['b', 'a', 's', 50, 100]],
      self: { a: 50, b: 100 },
    },
    {
      shape: 'a span starting after its parent ended, with the gap as idle time',
      rows: [['a', undefined, 's', 0, 100], ['b', 'a', 's', 120, 30]],
      self: { a: 100, b: 30 },
      idle: 20,
    },
    {
      shape: 'a child starting before its parent (clock skew)',
      rows: [['a', undefined, 's', 10, 90], ['b', 'a', 's', 0, 30]],
      self: { a: 70, b: 30 },
    },
    {
      shape: 'zero-length spans',
      rows: [['a', undefined, 's', 0, 10], ['b', 'a', 's', 5, 0], ['c', 'a', 's', 10, 0]],
      self: { a: 10, b: 0, c: 0 },
    },
  ])('counts $shape', ({ rows, self, idle = 0 }) => {
    expect(selfOf(rows)).toEqual({ self, idle });
  });

  it.each(['order', 'slow-db', 'backend-error'] as const)('adds up to the duration of the recorded %s trace', (name) => {
    const tree = buildTraceTree(recordedTrace(name));
    const times = selfTimes(tree);
    const total = [...times.bySpanId.values()].reduce((sum, us) => sum + us, 0) + times.idleUs;
    expect(total).toBeCloseTo(tree.durationUs, 6);
  });
});
