import { context, isSpanContextValid, type Link, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';

// The W3C trace headers of the work under way (its active span, its baggage), ready to be stored
// beside work that continues later, such as an outbox event: resuming them then continues this trace.
export function currentTraceContext(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

// Runs `work` in the trace a stored context belongs to (see currentTraceContext), however long after
// the work that stored it: the spans `work` makes continue that trace.
export function resumeTraceContext<T>(stored: Record<string, string>, work: () => T): T {
  return context.with(propagation.extract(ROOT_CONTEXT, stored), work);
}

// Runs `work` outside the trace of whatever request is under way: background work (a sweep, a timer's
// round) that belongs to no request, so it never lands in one's trace by accident.
export function outsideAnyTrace<T>(work: () => T): T {
  return context.with(ROOT_CONTEXT, work);
}

// Span links to stored trace contexts (see currentTraceContext), an empty or invalid one left out: for
// a span that works for many traces at once, such as an outbox relay's batch, which belongs to none of
// them but must lead to each.
export function linksTo(stored: Record<string, string>[]): Link[] {
  return stored.flatMap((carrier) => {
    const spanContext = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, carrier));
    return spanContext && isSpanContextValid(spanContext) ? [{ context: spanContext }] : [];
  });
}
