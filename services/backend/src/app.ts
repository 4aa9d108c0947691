import express, { type Express } from 'express';
import { z } from 'zod';
import {
  type Broker,
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
import type { Orders } from './orders.js';

const idParam = z.object({ id: positiveInt(true) });
const listQuery = z.object({ limit: listLimit });
const newOrder = z.object({ userId: positiveInt(), productId: positiveInt(), quantity: intBetween(1, 100) });

export function createApp(orders: Orders, broker: Broker, logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(traceResponseHeader);
  app.use(requestLog(logger));
  app.use(express.json({ limit: '16kb' }));

  app.get('/health', async (_req, res) => {
    const { status, body } = await healthReport({ rabbitmq: broker.state() });
    res.status(status).json(body);
  });

  app.get('/users', async (_req, res) => {
    res.json(await orders.users());
  });

  app.get('/orders', async (req, res) => {
    res.json(await orders.list(parseInput(listQuery, req.query).limit));
  });

  app.get('/orders/:id', async (req, res) => {
    res.json(await orders.get(parseInput(idParam, req.params).id));
  });

  app.post('/orders', async (req, res) => {
    res.status(201).json(await orders.create(parseInput(newOrder, req.body)));
  });

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
