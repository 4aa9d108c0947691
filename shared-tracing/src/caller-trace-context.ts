import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';

// The W3C trace headers of an incoming request, as the propagator reads them (invalid ones dropped),
// ready to be stored beside work that continues later, such as an outbox event: extracting them
// again then resumes the caller's trace.
export function callerTraceContext(headers: IncomingHttpHeaders): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(propagation.extract(ROOT_CONTEXT, headers), carrier);
  return carrier;
}

// Runs `work` in the trace a stored context belongs to (see callerTraceContext), however long after
// the request that stored it: the spans `work` makes continue that trace.
export function resumeTraceContext<T>(stored: Record<string, string>, work: () => T): T {
  return context.with(propagation.extract(ROOT_CONTEXT, stored), work);
}

// Runs `work` outside the trace of whatever request is under way: background work (a sweep, a timer's
// round) that belongs to no request, so it never lands in one's trace by accident.
export function outsideAnyTrace<T>(work: () => T): T {
  return context.with(ROOT_CONTEXT, work);
}
