import pino, { type Logger } from 'pino';

// One JSON line per event on stdout. The pino instrumentation adds trace_id, span_id and trace_flags
// to every line written while a span is active, which is what lets a learner jump from a log line to
// its trace in Jaeger.
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({
    level: env.LOG_LEVEL ?? 'info',
    base: { service: env.OTEL_SERVICE_NAME ?? 'unknown_service:node' },
    // Request headers never reach the log, so an Authorization or Cookie header cannot leak here; nor
    // does the request an HTTP client error carries (its URL, headers and body).
    redact: { paths: ['req.headers', 'headers', 'err.config', 'err.request', 'err.response'], remove: true },
  });
}

export type { Logger };
