import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, HttpError } from '@tracing-lab/shared-tracing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import type { Orders } from '../src/orders.js';

// The backend's routes over real HTTP, with a stand-in for the orders logic: what is
// checked here is the validation at the edge and the status each outcome gets.

const servers: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function backend() {
  const orders = {
    users: vi.fn(async () => [{ id: 1, name: 'Ada Lovelace' }]),
    list: vi.fn(async (_limit: number) => []),
    get: vi.fn(async (id: number) => ({ id })),
    create: vi.fn(async (input: object) => ({ id: 7, ...input })),
    products: vi.fn(async () => [{ id: 2, name: 'Trackball', priceCents: 5900 }]),
    notifications: vi.fn(async (orderId: number) => [{ id: 1, orderId, channel: 'email' }]),
  };
  const app = createApp(orders as unknown as Orders, createLogger({ LOG_LEVEL: 'silent' }));
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push({ close: () => new Promise((resolve) => server.close(() => resolve())) });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A GET, or a POST of `body` as JSON (sent as is when it is already a string).
  const call = async (path: string, body?: unknown) => {
    const json = typeof body === 'string' ? body : JSON.stringify(body);
    const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: json };
    const response = await fetch(`${url}${path}`, init);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { orders, call };
}

describe('backend HTTP API', () => {
  it('creates an order from the validated fields only, answering 201', async () => {
    const { orders, call } = await backend();
    expect(await call('/orders', { userId: 1, productId: 2, quantity: 3, totalCents: 1 })).toEqual({
      status: 201,
      body: { id: 7, userId: 1, productId: 2, quantity: 3 },
    });
    expect(orders.create).toHaveBeenCalledWith({ userId: 1, productId: 2, quantity: 3 });
  });

  it.each<[unknown, string, string]>([
    [{ userId: 1, productId: 2, quantity: 0 }, 'quantity', "'quantity' must be an integer from 1 to 100"],
    [{ userId: 1, productId: 2, quantity: 101 }, 'quantity', "'quantity' must be an integer from 1 to 100"],
    [{ userId: 1, productId: 2, quantity: '3' }, 'quantity', "'quantity' must be an integer from 1 to 100"],
    [{ userId: 0, productId: 2, quantity: 1 }, 'userId', "'userId' must be a positive integer"],
    [{ userId: 1, quantity: 1 }, 'productId', "'productId' must be a positive integer"],
  ])('rejects the order %j with a 400 naming %s, before any work is done', async (order, field, error) => {
    const { orders, call } = await backend();
    expect(await call('/orders', order)).toEqual({ status: 400, body: { error, field } });
    expect(orders.create).not.toHaveBeenCalled();
  });

  it('rejects a body that is not valid JSON, or not an object, with a 400 naming the body', async () => {
    const { orders, call } = await backend();
    expect(await call('/orders', '{"userId": 1,')).toEqual({ status: 400, body: { error: "'body' is not valid JSON", field: 'body' } });
    expect(await call('/orders', '[1, 2, 3]')).toMatchObject({ status: 400, body: { field: 'body' } });
    expect(orders.create).not.toHaveBeenCalled();
  });

  it('rejects an order id that is not a positive integer', async () => {
    const { orders, call } = await backend();
    expect(await call('/orders/abc')).toEqual({ status: 400, body: { error: "'id' must be a positive integer", field: 'id' } });
    expect(await call('/orders/0')).toMatchObject({ status: 400, body: { field: 'id' } });
    expect(orders.get).not.toHaveBeenCalled();
  });

  it('reads an order by its numeric id', async () => {
    const { orders, call } = await backend();
    expect(await call('/orders/42')).toEqual({ status: 200, body: { id: 42 } });
    expect(orders.get).toHaveBeenCalledWith(42);
  });

  it('lists the products', async () => {
    const { call } = await backend();
    expect(await call('/products')).toEqual({ status: 200, body: [{ id: 2, name: 'Trackball', priceCents: 5900 }] });
  });

  it("reads an order's notifications by its numeric id, and rejects any other id", async () => {
    const { orders, call } = await backend();
    expect(await call('/orders/42/notifications')).toEqual({ status: 200, body: [{ id: 1, orderId: 42, channel: 'email' }] });
    expect(await call('/orders/abc/notifications')).toEqual({ status: 400, body: { error: "'id' must be a positive integer", field: 'id' } });
    expect(orders.notifications.mock.calls).toEqual([[42]]);
  });

  it('lists 20 orders by default and validates ?limit', async () => {
    const { orders, call } = await backend();
    expect(await call('/orders')).toEqual({ status: 200, body: [] });
    expect(await call('/orders?limit=100')).toEqual({ status: 200, body: [] });
    expect(await call('/orders?limit=101')).toEqual({ status: 400, body: { error: "'limit' must be an integer from 1 to 100", field: 'limit' } });
    expect(orders.list.mock.calls).toEqual([[20], [100]]);
  });

  it("answers with the status of the orders logic's HttpError", async () => {
    const { orders, call } = await backend();
    orders.create.mockRejectedValueOnce(new HttpError(503, { error: 'order 7 stored, but order.created was not published', orderId: 7 }));
    expect(await call('/orders', { userId: 1, productId: 2, quantity: 3 })).toEqual({
      status: 503,
      body: { error: 'order 7 stored, but order.created was not published', orderId: 7 },
    });
  });

  it('reports itself healthy with no dependency of its own: the database service reports its own', async () => {
    const { call } = await backend();
    expect(await call('/health')).toMatchObject({ status: 200, body: { status: 'ok', dependencies: {} } });
  });

  it('answers 404 for an unknown route', async () => {
    const { call } = await backend();
    expect(await call('/nowhere')).toEqual({ status: 404, body: { error: 'no route for GET /nowhere' } });
  });
});
