import { join } from 'node:path';
import express, { Router } from 'express';

// Where the shop page's browser sends its spans and finds its traces. These are addresses as the
// learner's browser reaches them (the ports docker-compose.yml publishes), not as the services reach
// each other, so they are settings of their own.
export interface ShopPageSettings {
  otlpTracesUrl: string;
  jaegerUiUrl: string;
  traceExplorerUrl: string;
}

// The page and its styles as they are (public/), and its script as esbuild bundled it (dist/shop/,
// written by `npm run build`).
const PAGE_FILES = [join(__dirname, '..', 'public'), join(__dirname, 'shop')];

// GET / is the shop page; the page reads its settings from GET /shop-settings.json.
export function shopPage(settings: ShopPageSettings): Router {
  const router = Router();
  router.get('/shop-settings.json', (_req, res) => {
    res.json(settings);
  });
  for (const folder of PAGE_FILES) router.use(express.static(folder));
  return router;
}
