import { context } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import type { Logger } from '@tracing-lab/shared-tracing';

// One log line per finished request: method, path, status and duration. The line is written in the
// request's own context, so the pino instrumentation stamps it with the request's trace_id and
// span_id, and a learner can go from any log line to its trace. Health probes are not logged: Compose
// polls them every few seconds and they would bury the lines that matter.
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (req.path === '/health') return next();
    const started = process.hrtime.bigint();
    const requestContext = context.active();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      context.with(requestContext, () =>
        logger.info(
          { method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 },
          'request finished',
        ),
      );
    });
    next();
  };
}
