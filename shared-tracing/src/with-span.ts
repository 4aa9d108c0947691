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
