import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

// One JSON line per event on stdout.
// TODO (exercise 8): each line written while a request is handled must name the request's trace
// (trace_id) and the span active when it was written (span_id), so a reader can go from the line to
// the trace in Jaeger. Here, or in shared-tracing/src/instrumentations.ts.
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({
    level: env.LOG_LEVEL ?? 'info',
    base: { service: env.OTEL_SERVICE_NAME ?? 'unknown_service:node' },
    // Request headers never reach the log, so an Authorization or Cookie header cannot leak here; nor
    // does the request an HTTP client error carries (its URL, headers and body).
    redact: { paths: ['req.headers', 'headers', 'err.config', 'err.request', 'err.response'], remove: true },
    // The request's trace on every line written while it is handled.
    mixin: () => {
      const spanContext = trace.getActiveSpan()?.spanContext();
      return spanContext ? { trace_id: spanContext.traceId } : {};
    },
  });
}

export type { Logger };
