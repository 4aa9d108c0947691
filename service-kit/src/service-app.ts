import express, { type ErrorRequestHandler, type Express } from 'express';
import { type DependencyState, errorHandler, type Logger, notFoundHandler, traceResponseHeader } from '@tracing-lab/shared-tracing';
import { healthReport } from './health.js';
import { requestLog } from './request-log.js';

// The frame every service's Express app shares, so each app.ts holds only its own routes: the
// traceresponse header and the request log on every response, JSON bodies up to a limit (413 past
// it), and GET /health reporting the service's tracing and its dependencies.
export function serviceApp(
  logger: Logger,
  dependencies: () => Record<string, DependencyState> | Promise<Record<string, DependencyState>>,
  { jsonLimit = '16kb' }: { jsonLimit?: string } = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(traceResponseHeader);
  app.use(requestLog(logger));
  app.use(express.json({ limit: jsonLimit }));
  app.get('/health', async (_req, res) => {
    const { status, body } = await healthReport(await dependencies());
    res.status(status).json(body);
  });
  return app;
}

// After the routes: 404/405 for what no route matched, then the service's own error mappers, then the
// one handler that turns errors into JSON responses.
export function finishServiceApp(app: Express, logger: Logger, ...mappers: ErrorRequestHandler[]): Express {
  app.use(notFoundHandler);
  mappers.forEach((mapper) => app.use(mapper));
  app.use(errorHandler(logger));
  return app;
}
