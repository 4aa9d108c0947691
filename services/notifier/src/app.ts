import express, { type Express } from 'express';
import { z } from 'zod';
import {
  type Broker,
  errorHandler,
  healthReport,
  listLimit,
  type Logger,
  notFoundHandler,
  parseInput,
  requestLog,
  traceResponseHeader,
} from '@tracing-lab/shared-tracing';
import type { Notifier } from './notifications.js';

const listQuery = z.object({ limit: listLimit });

export function createApp(notifier: Notifier, broker: Broker, logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(traceResponseHeader);
  app.use(requestLog(logger));

  app.get('/health', async (_req, res) => {
    const { status, body } = await healthReport({ rabbitmq: broker.state() });
    res.status(status).json(body);
  });

  // The most recent notifications sent, newest first.
  app.get('/notifications', async (req, res) => {
    res.json(await notifier.recent(parseInput(listQuery, req.query).limit));
  });

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
