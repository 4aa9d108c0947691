import type { AxiosInstance } from 'axios';
import type { Express, Request, Response } from 'express';
import { type Logger, upstreamError } from '@tracing-lab/shared-tracing';
import { finishServiceApp, serviceApp } from '@tracing-lab/service-kit';
import { shopPage, type ShopPageSettings } from './shop-page.js';
import { traceContextHarness } from './trace-context-harness.js';

// The entry point learners and the load generator call. It forwards to the backend, which validates;
// the backend's answer, a 400 naming a field included, reaches the caller unchanged.
export function createApp(
  backend: AxiosInstance,
  logger: Logger,
  options: { traceContextHarness?: boolean; shopPage?: ShopPageSettings } = {},
): Express {
  const app = serviceApp(logger, () => ({}));

  const forward = (call: (req: Request) => Promise<{ status: number; data: unknown }>) =>
    async (req: Request, res: Response) => {
      try {
        const answer = await call(req);
        res.status(answer.status).json(answer.data);
      } catch (error) {
        throw upstreamError('backend', error);
      }
    };

  app.get('/api/users', forward(() => backend.get('/users')));
  app.get('/api/products', forward(() => backend.get('/products')));
  app.get('/api/orders', forward((req) => backend.get('/orders', { params: req.query })));
  app.get('/api/orders/:id', forward((req) => backend.get(`/orders/${encodeURIComponent(String(req.params.id))}`)));
  app.get('/api/orders/:id/notifications', forward((req) => backend.get(`/orders/${encodeURIComponent(String(req.params.id))}/notifications`)));
  app.post('/api/orders', forward((req) => backend.post('/orders', req.body ?? {})));

  if (options.shopPage) app.use(shopPage(options.shopPage));
  if (options.traceContextHarness) app.use(traceContextHarness());

  return finishServiceApp(app, logger);
}
