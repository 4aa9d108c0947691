import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient, createLogger } from '@tracing-lab/shared-tracing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

// The frontend over real HTTP, in front of a stand-in backend that records what reached it.

const reached: Array<{ method: string; url: string; body: string }> = [];

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

const fakeBackend = createServer(async (req, res) => {
  const body = await readBody(req);
  reached.push({ method: req.method ?? '', url: req.url ?? '', body });
  const json = (status: number, data: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
  if (req.url === '/users') return json(200, [{ id: 1, name: 'Ada Lovelace' }]);
  if (req.method === 'POST' && req.url === '/orders') {
    const order = JSON.parse(body) as { quantity?: number };
    if (order.quantity === 0) return json(400, { error: "'quantity' must be an integer from 1 to 100", field: 'quantity' });
    return json(201, { id: 7, ...order });
  }
  if (req.url === '/orders/500') return json(500, { error: 'internal error' });
  return json(200, { echoed: req.url });
});

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const stop = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

const SHOP_PAGE = { otlpTracesUrl: 'http://localhost:4318/v1/traces', jaegerUiUrl: 'http://localhost:16686', traceExplorerUrl: 'http://localhost:3000/ui' };

let frontend: Server;
let frontendUrl = '';
let unreachable: Server;
let unreachableUrl = '';

beforeAll(async () => {
  const backendUrl = await listen(fakeBackend);
  const logger = createLogger({ LOG_LEVEL: 'silent' });
  frontend = createServer(createApp(createHttpClient(backendUrl), logger, { shopPage: SHOP_PAGE }));
  frontendUrl = await listen(frontend);
  // A frontend whose backend has gone: its port was free a moment ago and nothing listens there.
  const gone = createServer();
  const goneUrl = await listen(gone);
  await stop(gone);
  unreachable = createServer(createApp(createHttpClient(goneUrl), logger));
  unreachableUrl = await listen(unreachable);
});

afterAll(async () => {
  await Promise.all([stop(frontend), stop(unreachable), stop(fakeBackend)]);
});

async function call(base: string, path: string, body?: unknown) {
  const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('frontend', () => {
  it("forwards a new order to the backend and answers with the backend's 201", async () => {
    expect(await call(frontendUrl, '/api/orders', { userId: 1, productId: 2, quantity: 3 })).toEqual({
      status: 201,
      body: { id: 7, userId: 1, productId: 2, quantity: 3 },
    });
  });

  it("passes the backend's 400 naming the field on unchanged", async () => {
    expect(await call(frontendUrl, '/api/orders', { userId: 1, productId: 2, quantity: 0 })).toEqual({
      status: 400,
      body: { error: "'quantity' must be an integer from 1 to 100", field: 'quantity' },
    });
  });

  it('forwards the list query string', async () => {
    expect(await call(frontendUrl, '/api/orders?limit=5')).toEqual({ status: 200, body: { echoed: '/orders?limit=5' } });
  });

  it('keeps an order id inside the order path, so it cannot reach another backend route', async () => {
    expect(await call(frontendUrl, '/api/orders/..%2Fusers')).toEqual({ status: 200, body: { echoed: '/orders/..%2Fusers' } });
  });

  it("turns the backend's 500 into a 502 naming the backend", async () => {
    expect(await call(frontendUrl, '/api/orders/500')).toEqual({ status: 502, body: { error: 'backend failed', upstreamStatus: 500 } });
  });

  it('answers 502 naming the backend when it cannot be reached', async () => {
    expect(await call(unreachableUrl, '/api/users')).toEqual({ status: 502, body: { error: 'backend unreachable' } });
  });

  it.each([
    ['/api/products', '/products'],
    ['/api/orders/7/notifications', '/orders/7/notifications'],
  ])('forwards %s to the backend as %s', async (path, backendPath) => {
    expect(await call(frontendUrl, path)).toEqual({ status: 200, body: { echoed: backendPath } });
  });

  it('serves the shop page at / and tells the page where its browser exports spans and finds traces', async () => {
    const page = await fetch(`${frontendUrl}/`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('<script type="module" src="/shop.js"></script>');
    expect(await call(frontendUrl, '/shop-settings.json')).toEqual({ status: 200, body: SHOP_PAGE });
  });

  it('answers /health itself, without asking the backend', async () => {
    const before = reached.length;
    expect(await call(frontendUrl, '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(reached.length).toBe(before);
  });

  it('answers 404 for a route it does not forward', async () => {
    expect(await call(frontendUrl, '/users')).toEqual({ status: 404, body: { error: 'no route for GET /users' } });
  });
});
