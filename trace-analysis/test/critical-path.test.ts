import { describe, expect, it } from 'vitest';
import { buildTraceTree, criticalPath, type JaegerTrace, spanLabel } from '../src/index.js';
import { generateTrace } from '../src/bench/generate-trace.js';
import { recordedTrace, type SpanRow, syntheticTrace } from './support/fixtures.js';
import { jaegerUiCriticalPath } from './support/jaeger-ui-critical-path.js';

// Our sections, in the order Jaeger's UI lists them (from the end backwards), as `span start-end`.
function ours(trace: JaegerTrace): string[] {
  return criticalPath(buildTraceTree(trace))
    .reverse()
    .map((section) => `${section.span.spanId} ${section.startUs}-${section.endUs}`);
}

function reference(trace: JaegerTrace): string[] {
  return jaegerUiCriticalPath(trace).map((section) => `${section.spanId} ${section.sectionStart}-${section.sectionEnd}`);
}

describe('criticalPath', () => {
  it.each<{ shape: string; rows: SpanRow[]; path: string[] }>([
    {
      // jaeger-ui's CriticalPath test case 2: span X with children A (10-50) and C (20-60).
      shape: "jaeger-ui's overlapping children",
      rows: [['X', undefined, 's', 1, 100], ['A', 'X', 's', 10, 40], ['C', 'X', 's', 20, 40]],
      path: ['X 60-101', 'C 20-60', 'X 1-20'],
    },
    {
      shape: 'sequential children, both on the path',
      rows: [['X', undefined, 's', 0, 100], ['A', 'X', 's', 10, 20], ['B', 'X', 's', 40, 30]],
      path: ['X 70-100', 'B 40-70', 'X 30-40', 'A 10-30', 'X 0-10'],
    },
    {
      shape: 'a child outliving its parent, clipped to the parent',
      rows: [['X', undefined, 's', 0, 100], ['A', 'X', 's', 50, 200]],
      path: ['A 50-100', 'X 0-50'],
    },
    {
      shape: 'a child starting after its parent ended, off the path',
      rows: [['X', undefined, 's', 0, 100], ['A', 'X', 's', 150, 20]],
      path: ['X 0-100'],
    },
    {
      shape: 'a FOLLOWS_FROM child, which its parent does not wait for',
      rows: [['X', undefined, 's', 0, 100], ['A', 'X', 's', 10, 50, { followsFrom: true }]],
      path: ['X 0-100'],
    },
  ])('walks $shape as Jaeger UI does', ({ rows, path }) => {
    const trace = syntheticTrace(rows);
    expect(ours(trace)).toEqual(path);
    expect(reference(trace)).toEqual(path);
  });

  it('keeps a query on the path when the next one starts, on a whole millisecond, just before it ends', () => {
    // OpenTelemetry JS records starts to the millisecond: B really started after A ended, though A's
    // recorded end (6400) is after B's recorded start (6000). Jaeger UI's algorithm drops A here.
    const trace = syntheticTrace([['X', undefined, 's', 0, 10_000], ['A', 'X', 's', 1000, 5400], ['B', 'X', 's', 6000, 3000]]);
    expect(ours(trace)).toEqual(['X 9000-10000', 'B 6000-9000', 'A 1000-6000', 'X 0-1000']);
    expect(reference(trace)).toEqual(['X 9000-10000', 'B 6000-9000', 'X 0-6000']);
  });

  it('does not stretch that slack to a sibling that overlaps by a millisecond or more, or starts later', () => {
    const overlapping = syntheticTrace([['X', undefined, 's', 0, 10_000], ['A', 'X', 's', 1000, 6000], ['B', 'X', 's', 6000, 3000]]);
    expect(ours(overlapping)).toEqual(['X 9000-10000', 'B 6000-9000', 'X 0-6000']);
  });

  it.each(['slow-db', 'backend-error'] as const)('agrees with the Jaeger UI algorithm on the recorded %s trace', (name) => {
    const trace = recordedTrace(name);
    expect(ours(trace)).toEqual(reference(trace));
  });

  it('differs from the Jaeger UI algorithm on the recorded order trace only by keeping the INSERT into orders, which ends 3 µs after the outbox INSERT starts', () => {
    // The two INSERTs run one after the other in the order's transaction: the orders row (start
    // 395000, 1003 µs) and then the outbox row (start 396000, a whole millisecond). Jaeger UI's
    // strict "ended before" drops the first and gives its millisecond to the database handler.
    const trace = recordedTrace('order');
    const handlerInsteadOfInsert = '355cb295099153b6 1796002177394922-1796002177396000';
    const expected = reference(trace);
    expect(expected).toContain(handlerInsteadOfInsert);
    expected.splice(expected.indexOf(handlerInsteadOfInsert), 1, 'f49ac3c2ffdb9b46 1796002177395000-1796002177396000', '355cb295099153b6 1796002177394922-1796002177395000');
    expect(ours(trace)).toEqual(expected);
  });

  it.each([1, 2, 3, 4, 5])('agrees with the Jaeger UI algorithm on generated 400-span trace #%i', (seed) => {
    const trace = generateTrace(400, seed);
    expect(ours(trace)).toEqual(reference(trace));
  });

  it("covers the root span's duration exactly", () => {
    const tree = buildTraceTree(recordedTrace('order'));
    const covered = criticalPath(tree).reduce((sum, section) => sum + section.endUs - section.startUs, 0);
    expect(covered).toBe(tree.roots[0]?.durationUs);
  });

  it('leaves the notifier work that follows the order request off the path of the slow-db trace', () => {
    const labels = criticalPath(buildTraceTree(recordedTrace('slow-db'))).map((section) => spanLabel(section.span));
    expect(labels).not.toContain('database:POST /db/notifications');
  });
});
