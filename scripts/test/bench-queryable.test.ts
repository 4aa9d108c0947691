import { describe, expect, it } from 'vitest';
import type { BenchSpan } from '../src/bench/jaeger-spans.js';
import { QueryableWatch, summarizeQueryable } from '../src/bench/queryable-watch.js';
import { takeTraceCensus } from '../src/bench/trace-census.js';

// The spans of a complete order trace, enough to satisfy the predicate (see bench-order-trace.test.ts).
const span = (spanId: string, parentSpanId: string | undefined, service: string, kind: string, operation: string): BenchSpan => ({
  spanId,
  parentSpanId,
  service,
  kind,
  operation,
});
const COMPLETE: BenchSpan[] = [
  span('f1', undefined, 'frontend', 'server', 'POST /api/orders'),
  span('f2', 'f1', 'frontend', 'client', 'POST'),
  span('b1', 'f2', 'backend', 'server', 'POST /orders'),
  span('b2', 'b1', 'backend', 'client', 'POST'),
  span('d1', 'b2', 'database', 'server', 'POST /db/orders'),
  span('d2', 'd1', 'database', 'internal', 'inventory.reserve'),
  span('d3', 'd2', 'database', 'client', 'pg.query:UPDATE lab'),
  span('d4', 'd1', 'database', 'client', 'pg.query:INSERT lab'),
  span('d5', 'd1', 'database', 'client', 'pg.query:COMMIT lab'),
  span('b3', 'b2', 'backend', 'producer', 'publish orders'),
  span('n1', 'b3', 'notifier', 'consumer', 'notifier.order-created process'),
  span('n2', 'n1', 'notifier', 'client', 'notification.send'),
  span('n3', 'n1', 'notifier', 'client', 'POST'),
  span('d6', 'n3', 'database', 'server', 'POST /db/notifications'),
];

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
    const census = await takeTraceCensus(async (ids) => new Map(ids.filter((id) => id !== 'lost').map((id) => [id, id === 'half' ? COMPLETE.slice(0, 9) : COMPLETE])), ['a', 'b', 'half', 'lost'], {
      deadlineMs: 5_000,
      stallMs: 0,
    });
    expect(census.complete).toBe(2);
    expect(census.spans).toBe(2 * COMPLETE.length);
    expect(census.incomplete).toEqual([
      {
        traceId: 'half',
        missing: [
          'span backend(producer) /^publish orders/',
          'span notifier(consumer) /order-created/',
          'span notifier(client) notification.send',
          'span database(server) POST /db/notifications',
          'edge backend(producer) -> notifier(consumer)',
          'edge notifier(client) -> database(server)',
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
