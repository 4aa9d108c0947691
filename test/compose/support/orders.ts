import { jaegerTraceReader } from '@tracing-lab/scripts/bench/jaeger-batch';
import { loadOptions } from '@tracing-lab/scripts/bench/load-phase';
import { type RecordedRun, runRecordedLoad } from '@tracing-lab/scripts/bench/recorded-load';
import { type TraceCensus, takeTraceCensus } from '@tracing-lab/scripts/bench/trace-census';
import { FRONTEND, JAEGER } from './lab.js';

// Orders through the published frontend with `npm run load`'s own load (every answer's trace id
// kept), and the count of their traces that arrived whole in Jaeger: each order's spans through the
// frontend, backend, database, RabbitMQ and the notifier, down to the recorded notification.

export function sendOrders(requests: number, rate: number): Promise<RecordedRun> {
  return runRecordedLoad(loadOptions({ scenario: 'order', target: FRONTEND, concurrency: 10, rate, requests }));
}

export function statusCounts(run: RecordedRun): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of run.answers) counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  return counts;
}

export function traceIdsOf(run: RecordedRun): string[] {
  return [...new Set(run.answers.flatMap((answer) => (answer.traceId ? [answer.traceId] : [])))];
}

// Traces that are not complete are asked for again every second, until none has completed for
// `stallMs` or `deadlineMs` has passed.
export function completeTraces(traceIds: string[], { deadlineMs, stallMs }: { deadlineMs: number; stallMs: number }): Promise<TraceCensus> {
  return takeTraceCensus(jaegerTraceReader(JAEGER), traceIds, { deadlineMs, stallMs });
}
