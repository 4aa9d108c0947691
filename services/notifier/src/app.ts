import type { Express } from 'express';
import { z } from 'zod';
import { type Broker, type Logger, parseInput } from '@tracing-lab/shared-tracing';
import { finishServiceApp, serviceApp } from '@tracing-lab/service-kit';
import { listLimit } from '@tracing-lab/contracts';
import type { Notifier } from './notifications.js';

const listQuery = z.object({ limit: listLimit });

export function createApp(notifier: Notifier, broker: Broker, logger: Logger): Express {
  const app = serviceApp(logger, () => ({ rabbitmq: broker.state() }));

  // The most recent notifications sent, newest first.
  app.get('/notifications', async (req, res) => {
    res.json(await notifier.recent(parseInput(listQuery, req.query).limit));
  });

  return finishServiceApp(app, logger);
}
