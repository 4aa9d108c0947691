import { setTimeout as sleep } from 'node:timers/promises';
import type { TraceReader } from './jaeger-batch.js';
import { missingFromOrderTrace } from '@tracing-lab/checker/order-completeness';

// Counts how many of the recorded trace ids are complete order traces in Jaeger. Traces that are not
// complete yet are asked for again every second, until all are, until none has completed for
// `stallMs` (the rest are lost, not late), or until the deadline.

export interface TraceCensus {
  complete: number;
  // Spans in the complete traces.
  spans: number;
  incomplete: { traceId: string; missing: string[] }[];
  // How long after the census started the last trace became complete.
  settledAfterMs: number;
}

export interface CensusLimits {
  deadlineMs: number;
  stallMs: number;
  signal?: AbortSignal;
  onRound?: (complete: number, total: number) => void;
}

const ROUND_INTERVAL_MS = 1_000;
// Parallel batch queries: enough to keep Jaeger busy on two cores without starving it.
const READERS = 2;

export async function takeTraceCensus(read: TraceReader, traceIds: readonly string[], limits: CensusLimits): Promise<TraceCensus> {
  const started = performance.now();
  const pending = new Set(traceIds);
  const lastSeen = new Map<string, string[]>();
  let spans = 0;
  let lastProgress = started;
  for (;;) {
    limits.signal?.throwIfAborted();
    const before = pending.size;
    await Promise.all(chunks([...pending], READERS).map(async (ids) => {
      const traces = await read(ids);
      for (const id of ids) {
        const found = traces.get(id) ?? [];
        const missing = missingFromOrderTrace(found);
        if (missing.length) lastSeen.set(id, missing);
        else {
          pending.delete(id);
          lastSeen.delete(id);
          spans += found.length;
        }
      }
    }));
    const now = performance.now();
    if (pending.size < before) lastProgress = now;
    limits.onRound?.(traceIds.length - pending.size, traceIds.length);
    if (pending.size === 0 || now - lastProgress >= limits.stallMs || now - started >= limits.deadlineMs) break;
    await sleep(ROUND_INTERVAL_MS);
  }
  return {
    complete: traceIds.length - pending.size,
    spans,
    incomplete: [...pending].map((traceId) => ({ traceId, missing: lastSeen.get(traceId) ?? ['not in Jaeger'] })),
    settledAfterMs: lastProgress - started,
  };
}

// `count` slices of about equal length.
function chunks<T>(items: T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((chunk) => chunk.length);
}
