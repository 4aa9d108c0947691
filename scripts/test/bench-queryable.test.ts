import { loadFixture } from '@tracing-lab/checker/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { QueryableWatch, summarizeQueryable } from '../src/bench/queryable-watch.js';
import { takeTraceCensus } from '../src/bench/trace-census.js';

// A complete order trace as the real Jaeger returned it, recorded for the checker's tests.
const COMPLETE = loadFixture('order-healthy').trace.spans;
// The same trace before the notifier exported anything: the database's answer to it has no parent.
const HALF = COMPLETE.filter((span) => span.service !== 'notifier');

describe('time to queryable', () => {
  it('is measured from the response end to the answer that returned the trace complete', async () => {
    let reads = 0;
    // Jaeger has the trace from the third poll on, and never has the other one.
    const watch = new QueryableWatch(
      async (ids) => {
        reads += 1;
        return new Map(ids.filter((id) => id === 'a' && reads >= 3).map((id) => [id, COMPLETE]));
      },
      10,
      300,
    );
    const endedAt = performance.now();
    watch.follow('a', endedAt);
    watch.follow('b', endedAt);
    const times = await watch.finish();
    const a = times.find((t) => t.traceId === 'a');
    expect(a?.afterMs).toBeGreaterThanOrEqual(15);
    expect(a?.afterMs).toBeLessThan(300);
    expect(times.find((t) => t.traceId === 'b')).toEqual({ traceId: 'b', afterMs: undefined });
  });

  it('counts a trace that never became queryable as slower than all the others', () => {
    const times = Array.from({ length: 99 }, (_, i) => ({ traceId: String(i), afterMs: 500 + i }));
    expect(summarizeQueryable(times, 30_000)).toEqual({ followed: 99, queryable: 99, timeoutMs: 30_000, p50Ms: 549, p99Ms: 598, maxMs: 598 });
    const withLost = [...times, { traceId: 'lost', afterMs: undefined }];
    expect(summarizeQueryable(withLost, 30_000)).toEqual({ followed: 100, queryable: 99, timeoutMs: 30_000, p50Ms: 549, p99Ms: 598, maxMs: null });
  });
});

describe('the trace census', () => {
  it('counts the complete traces and their spans, and says what the others lack', async () => {
    const census = await takeTraceCensus(async (ids) => new Map(ids.filter((id) => id !== 'lost').map((id) => [id, id === 'half' ? HALF : COMPLETE])), ['a', 'b', 'half', 'lost'], {
      deadlineMs: 5_000,
      stallMs: 0,
    });
    expect(census.complete).toBe(2);
    expect(census.spans).toBe(2 * COMPLETE.length);
    expect(census.incomplete).toEqual([
      {
        traceId: 'half',
        missing: [
          'span notifier(consumer) /order-created/',
          'span notifier(client) "notification.send"',
          'span notifier(client) "POST"',
          'span database(server) "POST /db/notifications"',
          'span database(client) /^pg\\.query:INSERT/',
          // The database's answers to the notifier's lookup and to its insert.
          'the parent of 2 span(s)',
        ],
      },
      { traceId: 'lost', missing: ['not in Jaeger'] },
    ]);
  });

  it('asks again for the traces still incomplete, until they are', async () => {
    let round = 0;
    const census = await takeTraceCensus(
      async (ids) => {
        round += 1;
        return new Map(ids.map((id) => [id, round > 1 ? COMPLETE : []]));
      },
      ['late'],
      { deadlineMs: 5_000, stallMs: 3_000 },
    );
    expect(census.complete).toBe(1);
    expect(census.incomplete).toEqual([]);
  });
});
