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

// A code (ECONNREFUSED) says most; an HTTP failure without one is typed by its status code, as the
// semantic conventions do for HTTP spans; anything else by its class.
function errorTypeOf(err: Error): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code) return code;
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number') return String(status);
  return err.name;
}
