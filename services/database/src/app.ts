import express, { type Express } from 'express';
import { z } from 'zod';
import {
  errorHandler,
  healthReport,
  intBetween,
  listLimit,
  type Logger,
  notFoundHandler,
  parseInput,
  positiveInt,
  requestLog,
  traceResponseHeader,
} from '@tracing-lab/shared-tracing';
import type { Database } from './db.js';
import { pgErrorMapper } from './pg-errors.js';
import { Store } from './store.js';

const idParam = z.object({ id: positiveInt(true) });
const listQuery = z.object({ limit: listLimit });
const newOrder = z.object({ userId: positiveInt(), productId: positiveInt(), quantity: intBetween(1, 100) });
const newNotification = z.object({
  orderId: positiveInt(),
  channel: z.enum(['email', 'sms'], { error: "must be 'email' or 'sms'" }),
});

export function createApp(database: Database, logger: Logger): Express {
  const store = new Store(database.pool);
  const app = express();
  app.disable('x-powered-by');
  app.use(traceResponseHeader);
  app.use(requestLog(logger));
  app.use(express.json({ limit: '16kb' }));

  app.get('/health', async (_req, res) => {
    const { status, body } = await healthReport({ postgres: await database.state() });
    res.status(status).json(body);
  });

  app.get('/db/users', async (_req, res) => {
    res.json(await store.users());
  });

  app.get('/db/orders', async (req, res) => {
    res.json(await store.orders(parseInput(listQuery, req.query).limit));
  });

  app.get('/db/orders/:id', async (req, res) => {
    res.json(await store.order(parseInput(idParam, req.params).id));
  });

  app.post('/db/orders', async (req, res) => {
    res.status(201).json(await store.createOrder(parseInput(newOrder, req.body)));
  });

  app.get('/db/notifications', async (req, res) => {
    res.json(await store.notifications(parseInput(listQuery, req.query).limit));
  });

  app.post('/db/notifications', async (req, res) => {
    const input = parseInput(newNotification, req.body);
    res.status(201).json(await store.recordNotification(input.orderId, input.channel));
  });

  app.use(notFoundHandler);
  app.use(pgErrorMapper);
  app.use(errorHandler(logger));
  return app;
}
