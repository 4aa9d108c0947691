import { type Span, SpanStatusCode } from '@opentelemetry/api';

// The one way an error is put on a span, so every error is findable in Jaeger the same way: an
// `exception` event with the stack, ERROR status with the message, and `error.type` to search by tag.
export function recordSpanError(span: Span, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}
