import { type Span, SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';

// The one way an error is put on a span, so every error is findable in Jaeger the same way: an
// `exception` event with the stack, ERROR status with the message, and `error.type` to search by tag.
export function recordSpanError(span: Span, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
  span.setAttribute(ATTR_ERROR_TYPE, errorTypeOf(err));
}

function errorTypeOf(err: Error): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code ? code : err.name;
}
