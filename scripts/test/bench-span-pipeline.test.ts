import { describe, expect, it } from 'vitest';
import { queuedSpans, spanPipelineDelta } from '../src/bench/span-pipeline.js';

const counts = (exported: number, dropped = 0, droppedBy: Record<string, number> = {}, queued = 0) => ({ exported, dropped, droppedBy, queued });

describe("the services' span counts over a run", () => {
  it('are what each /health counted in between, summed over the services', () => {
    const before = { frontend: counts(100), database: counts(500, 2, { queue_full: 2 }) };
    const after = { frontend: counts(400), database: counts(1500, 7, { queue_full: 5, ECONNREFUSED: 2 }) };
    expect(spanPipelineDelta(before, after)).toEqual({ exported: 1300, dropped: 5, droppedBy: { queue_full: 3, ECONNREFUSED: 2 }, restarted: [] });
  });

  it('start from zero for a service that restarted in between, and name it', () => {
    expect(spanPipelineDelta({ notifier: counts(900) }, { notifier: counts(40) })).toEqual({ exported: 40, dropped: 0, droppedBy: {}, restarted: ['notifier'] });
  });

  it('leave out a service with tracing off', () => {
    expect(spanPipelineDelta({ frontend: undefined }, { frontend: undefined, backend: counts(10) })).toEqual({ exported: 10, dropped: 0, droppedBy: {}, restarted: [] });
  });

  it('say how many spans still wait in the buffers', () => {
    expect(queuedSpans({ frontend: counts(1, 0, {}, 12), backend: undefined, database: counts(1, 0, {}, 30) })).toBe(42);
  });
});
