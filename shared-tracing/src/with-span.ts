import { type Attributes, type Link, type Span, SpanKind, trace } from '@opentelemetry/api';
import { recordSpanError } from './span-error.js';
import { linksTo, outsideAnyTrace } from './stored-trace-context.js';

const tracer = trace.getTracer('@tracing-lab/shared-tracing');

// Runs `work` inside a new active span: errors are recorded and rethrown, and the span always ends.
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
  links: Link[] = [],
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes, kind, links }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      recordSpanError(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

// Runs `work` inside a new span that starts a trace of its own and links to each stored trace context
// (see currentTraceContext): work done for many traces at once, such as an outbox relay's batch,
// belongs to none of them, so it is no child of one, but it leads to each.
export function withLinkedSpan<T>(name: string, attributes: Attributes, linkedTo: Record<string, string>[], work: (span: Span) => Promise<T>): Promise<T> {
  return outsideAnyTrace(() => withSpan(name, attributes, work, SpanKind.INTERNAL, linksTo(linkedTo)));
}

// A CLIENT span for simulated I/O (the lab's stand-in for an e-mail provider), shaped like the client
// call it stands for, so the waterfall reads the same as with the real thing.
export function withClientSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return withSpan(name, attributes, work, SpanKind.CLIENT);
}

// Adds attributes to the span of the work under way (the request's, or the message's), if any.
export function annotateActiveSpan(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
