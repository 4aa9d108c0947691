import { type Attributes, type Span, SpanKind, trace } from '@opentelemetry/api';
import { recordSpanError } from './span-error.js';

const tracer = trace.getTracer('@tracing-lab/shared-tracing');

// Runs `work` inside a new active span: errors are recorded and rethrown, and the span always ends.
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes, kind }, async (span) => {
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

// A CLIENT span for simulated I/O (the lab's stand-in for an e-mail provider), shaped like the client
// call it stands for, so the waterfall reads the same as with the real thing.
export function withClientSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return withSpan(name, attributes, work, SpanKind.CLIENT);
}

// Adds attributes to the span of the work under way (the request's, or the message's), if any.
export function annotateActiveSpan(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
