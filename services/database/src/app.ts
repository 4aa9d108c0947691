import type { Express } from 'express';
import { z } from 'zod';
import {
  callerTraceContext,
  finishServiceApp,
  intBetween,
  listLimit,
  newOrderInput,
  type Logger,
  parseInput,
  positiveInt,
  serviceApp,
} from '@tracing-lab/shared-tracing';
import type { Database } from './db.js';
import { pgErrorMapper } from './pg-errors.js';
import { Store } from './store.js';

const idParam = z.object({ id: positiveInt(true) });
const listQuery = z.object({ limit: listLimit });
const notificationQuery = z.object({ limit: listLimit, orderId: positiveInt(true).optional() });
const pendingQuery = z.object({ limit: listLimit, minAgeMs: intBetween(0, 3_600_000, true).default(0) });
const outboxId = z.object({ id: z.string().regex(/^[1-9][0-9]{0,18}$/, 'must be an outbox event id') });
const newNotification = z.object({
  orderId: positiveInt(),
  channel: z.enum(['email', 'sms'], { error: "must be 'email' or 'sms'" }),
});

export function createApp(database: Database, logger: Logger): Express {
  const store = new Store(database.pool);
  const app = serviceApp(logger, async () => ({ postgres: await database.state() }));

  app.get('/db/users', async (_req, res) => {
    res.json(await store.users());
  });

  app.get('/db/products', async (_req, res) => {
    res.json(await store.products());
  });

  app.get('/db/orders', async (req, res) => {
    res.json(await store.orders(parseInput(listQuery, req.query).limit));
  });

  app.get('/db/orders/:id', async (req, res) => {
    res.json(await store.order(parseInput(idParam, req.params).id));
  });

  app.post('/db/orders', async (req, res) => {
    res.status(201).json(await store.createOrder(parseInput(newOrderInput, req.body), callerTraceContext(req.headers)));
  });

  app.get('/db/notifications', async (req, res) => {
    const query = parseInput(notificationQuery, req.query);
    res.json(await store.notifications(query.limit, query.orderId));
  });

  app.post('/db/notifications', async (req, res) => {
    const input = parseInput(newNotification, req.body);
    const { created, ...notification } = await store.recordNotification(input.orderId, input.channel);
    res.status(created ? 201 : 200).json(notification);
  });

  // The outbox relay's side: the events still to publish, and the receipt for one published.
  app.get('/db/outbox/pending', async (req, res) => {
    const query = parseInput(pendingQuery, req.query);
    res.json(await store.pendingEvents(query.limit, query.minAgeMs));
  });

  app.post('/db/outbox/:id/published', async (req, res) => {
    await store.markPublished(parseInput(outboxId, req.params).id);
    res.status(204).end();
  });

  return finishServiceApp(app, logger, pgErrorMapper);
}
