import type { Express } from 'express';
import { z } from 'zod';
import { type Logger, parseInput } from '@tracing-lab/shared-tracing';
import { finishServiceApp, serviceApp } from '@tracing-lab/service-kit';
import { listLimit, newOrderInput, positiveInt } from '@tracing-lab/contracts';
import type { Orders } from './orders.js';

const idParam = z.object({ id: positiveInt(true) });
const listQuery = z.object({ limit: listLimit });

export function createApp(orders: Orders, logger: Logger): Express {
  // The backend's one dependency is the database service, which reports its own on its /health.
  const app = serviceApp(logger, () => ({}));

  app.get('/users', async (_req, res) => {
    res.json(await orders.users());
  });

  app.get('/products', async (_req, res) => {
    res.json(await orders.products());
  });

  app.get('/orders', async (req, res) => {
    res.json(await orders.list(parseInput(listQuery, req.query).limit));
  });

  app.get('/orders/:id', async (req, res) => {
    res.json(await orders.get(parseInput(idParam, req.params).id));
  });

  app.get('/orders/:id/notifications', async (req, res) => {
    res.json(await orders.notifications(parseInput(idParam, req.params).id));
  });

  app.post('/orders', async (req, res) => {
    res.status(201).json(await orders.create(parseInput(newOrderInput, req.body)));
  });

  return finishServiceApp(app, logger);
}
