import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createLogger, type DependencyState } from '@tracing-lab/shared-tracing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import type { Database } from '../src/db.js';

// The database service over real HTTP, with a stand-in pool: validation at the edge and the mapping
// of PostgreSQL failures to HTTP, without a PostgreSQL.

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: unknown[]; rowCount?: number }>;

const servers: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(app: Express): Promise<string> {
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push({ close: () => new Promise((resolve) => server.close(() => resolve())) });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function databaseService(query: Query, state: DependencyState = 'up', brokerState: DependencyState = 'up') {
  // One stand-in connection answers both the pool's queries and a transaction's.
  const pool = { query: vi.fn(query), connect: async () => ({ query: pool.query, release: () => undefined }) };
  const database = { pool, state: async () => state } as unknown as Database;
  const relay = { publishSoon: vi.fn() };
  const broker = { state: () => brokerState };
  const url = await serve(createApp(database, relay, broker, createLogger({ LOG_LEVEL: 'silent' })));
  const call = async (path: string, body?: unknown) => {
    const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const response = await fetch(`${url}${path}`, init);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { pool, relay, call };
}

const failing = (error: Error & { code?: string }): Query => async () => {
  throw error;
};

describe('database service HTTP API', () => {
  it('answers 400 naming the channel when it is neither email nor sms, without touching the database', async () => {
    const { pool, call } = await databaseService(async () => ({ rows: [] }));
    expect(await call('/db/notifications', { orderId: 1, channel: 'fax' })).toEqual({
      status: 400,
      body: { error: "'channel' must be 'email' or 'sms'", field: 'channel' },
    });
    expect(pool.query).not.toHaveBeenCalled();
  });

  it('answers 400 naming the order field of a new order', async () => {
    const { call } = await databaseService(async () => ({ rows: [] }));
    expect(await call('/db/orders', { userId: 1, productId: 2, quantity: 101 })).toEqual({
      status: 400,
      body: { error: "'quantity' must be an integer from 1 to 100", field: 'quantity' },
    });
  });

  it('answers 400 for an order id that is not a positive integer', async () => {
    const { call } = await databaseService(async () => ({ rows: [] }));
    expect(await call('/db/orders/abc')).toEqual({ status: 400, body: { error: "'id' must be a positive integer", field: 'id' } });
  });

  it('answers 404 for an order that does not exist', async () => {
    const { call } = await databaseService(async () => ({ rows: [] }));
    expect(await call('/db/orders/99')).toEqual({ status: 404, body: { error: 'order 99 not found' } });
  });

  it('passes the list limit to the query, 20 by default', async () => {
    const { pool, call } = await databaseService(async () => ({ rows: [] }));
    await call('/db/orders');
    await call('/db/notifications?limit=5');
    expect(pool.query.mock.calls.map(([, params]) => params)).toEqual([[20], [5, null]]);
  });

  it('lists the products with their price in cents, without touching another table', async () => {
    const { pool, call } = await databaseService(async () => ({ rows: [{ id: 2, name: 'Trackball', priceCents: 5900 }] }));
    expect(await call('/db/products')).toEqual({ status: 200, body: [{ id: 2, name: 'Trackball', priceCents: 5900 }] });
    expect(pool.query.mock.calls.map(([sql]) => sql)).toEqual(['SELECT id, name, price_cents AS "priceCents" FROM products ORDER BY id']);
  });

  it('answers 404 when a notification references an order that does not exist', async () => {
    const { call } = await databaseService(failing(Object.assign(new Error('violates foreign key constraint'), { code: '23503' })));
    expect(await call('/db/notifications', { orderId: 999, channel: 'email' })).toEqual({
      status: 404,
      body: { error: 'referenced record not found' },
    });
  });

  it('answers 503 while PostgreSQL is unreachable', async () => {
    const { call } = await databaseService(failing(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })));
    expect(await call('/db/users')).toEqual({ status: 503, body: { error: 'database unavailable' } });
  });

  it('answers a bare 500 for an unexpected SQL error, without its message', async () => {
    const { call } = await databaseService(failing(Object.assign(new Error('relation "users" does not exist'), { code: '42P01' })));
    expect(await call('/db/users')).toEqual({ status: 500, body: { error: 'internal error' } });
  });

  it('answers a new order without its event, and hands the event to the outbox relay', async () => {
    const order = { id: 7, userId: 1, productId: 2, quantity: 3, totalCents: 17_700, createdAt: '2025-01-01T00:00:00.000Z' };
    const answers: Record<string, unknown[]> = {
      'SELECT 1': [{}],
      'UPDATE products': [{ stock: 97, price_cents: 5_900 }],
      'INSERT INTO orders': [order],
      'INSERT INTO outbox': [{ id: '41' }],
    };
    const { relay, call } = await databaseService(async (sql) => {
      const key = Object.keys(answers).find((prefix) => sql.startsWith(prefix));
      return { rows: key ? (answers[key] as unknown[]) : [] };
    });
    expect(await call('/db/orders', { userId: 1, productId: 2, quantity: 3 })).toEqual({ status: 201, body: order });
    expect(relay.publishSoon).toHaveBeenCalledWith(expect.objectContaining({ id: '41', routingKey: 'order.created' }));
  });

  it('leaves the event to the sweep under the outbox-backlog fault, as if the service stopped after the commit', async () => {
    vi.stubEnv('LAB_SCENARIO', 'outbox-backlog');
    try {
      const { relay, call } = await databaseService(async (sql) => ({ rows: sql.startsWith('SELECT 1') ? [{}] : sql.startsWith('UPDATE') ? [{ stock: 1, price_cents: 1 }] : [{ id: 1 }] }));
      expect((await call('/db/orders', { userId: 1, productId: 2, quantity: 3 })).status).toBe(201);
      expect(relay.publishSoon).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each<[DependencyState, DependencyState, Record<string, string>]>([
    ['down', 'up', { postgres: 'down', rabbitmq: 'up' }],
    ['up', 'down', { postgres: 'up', rabbitmq: 'down' }],
  ])('reports itself degraded while PostgreSQL is %s and RabbitMQ %s', async (postgres, rabbitmq, dependencies) => {
    const { call } = await databaseService(async () => ({ rows: [] }), postgres, rabbitmq);
    expect(await call('/health')).toMatchObject({ status: 503, body: { status: 'degraded', dependencies } });
  });
});
