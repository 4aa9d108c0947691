import type { Express } from 'express';
import { z } from 'zod';
import { type Broker, currentTraceContext, type Logger, parseInput } from '@tracing-lab/shared-tracing';
import { finishServiceApp, serviceApp } from '@tracing-lab/service-kit';
import { listLimit, newOrderInput, positiveInt } from '@tracing-lab/contracts';
import type { Database } from './db.js';
import { outboxBacklogFault } from './faults.js';
import type { OutboxRelay } from './outbox-relay.js';
import { pgErrorMapper } from './pg-errors.js';
import { Store } from './store.js';

const idParam = z.object({ id: positiveInt(true) });
const listQuery = z.object({ limit: listLimit });
const notificationQuery = z.object({ limit: listLimit, orderId: positiveInt(true).optional() });
const newNotification = z.object({
  orderId: positiveInt(),
  channel: z.enum(['email', 'sms'], { error: "must be 'email' or 'sms'" }),
});

export function createApp(database: Database, relay: Pick<OutboxRelay, 'publishSoon'>, broker: Pick<Broker, 'state'>, logger: Logger): Express {
  const store = new Store(database.pool);
  const app = serviceApp(logger, async () => ({ postgres: await database.state(), rabbitmq: broker.state() }));

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

  // The order's event is stored in this request's trace context, so its message, published now or
  // by a later sweep, continues this trace from here.
  app.post('/db/orders', async (req, res) => {
    const { order, event } = await store.createOrder(parseInput(newOrderInput, req.body), currentTraceContext());
    if (!outboxBacklogFault()) relay.publishSoon(event);
    res.status(201).json(order);
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

  return finishServiceApp(app, logger, pgErrorMapper);
}
