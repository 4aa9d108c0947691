import type pg from 'pg';
import { DomainError } from '@tracing-lab/contracts';
import { describe, expect, it, vi } from 'vitest';
import { Store } from '../src/store.js';

// A transaction client that answers each statement by its first words, and records what ran.
function fakeClient(answers: Record<string, { rows: unknown[]; rowCount?: number }>) {
  const statements: string[] = [];
  const client = {
    statements,
    release: vi.fn(),
    query: vi.fn(async (sql: string, _params?: unknown[]) => {
      statements.push(sql.split(' ').slice(0, 2).join(' '));
      const key = Object.keys(answers).find((prefix) => sql.startsWith(prefix));
      if (!key) return { rows: [], rowCount: 0 };
      const answer = answers[key] as { rows: unknown[]; rowCount?: number };
      return { rowCount: answer.rows.length, ...answer };
    }),
  };
  const pool = { connect: async () => client } as unknown as pg.Pool;
  return { client, store: new Store(pool) };
}

const order = { id: 7, userId: 1, productId: 2, quantity: 3, totalCents: 17_700, createdAt: '2025-01-01T00:00:00Z' };

describe('Store.createOrder', () => {
  it('reserves stock and writes the order and its order.created event in one committed transaction', async () => {
    const { client, store } = fakeClient({
      'SELECT 1 FROM users': { rows: [{}] },
      'UPDATE products': { rows: [{ stock: 97, price_cents: 5_900 }] },
      'INSERT INTO orders': { rows: [order] },
      'INSERT INTO outbox': { rows: [{ id: '41' }] },
    });
    const traceContext = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
    const created = await store.createOrder({ userId: 1, productId: 2, quantity: 3 }, traceContext);
    expect(created.order).toEqual(order);
    expect(client.statements).toEqual(['BEGIN', 'SELECT 1', 'UPDATE products', 'INSERT INTO', 'INSERT INTO', 'COMMIT']);
    const insert = client.query.mock.calls.find(([sql]) => sql.startsWith('INSERT INTO orders'));
    expect(insert?.[1]).toEqual([1, 2, 3, 17_700]);
    // The event carries the stored order's ids and the trace context it continues, for the relay.
    const outbox = client.query.mock.calls.find(([sql]) => sql.startsWith('INSERT INTO outbox'));
    expect(outbox?.[1]).toEqual([
      'order.created',
      { orderId: order.id, userId: order.userId, productId: order.productId, quantity: order.quantity, totalCents: order.totalCents },
      traceContext,
    ]);
    // Returned with the order, so the relay publishes it without waiting for a sweep.
    expect(created.event).toMatchObject({ id: '41', routingKey: 'order.created', traceContext });
    expect(client.release).toHaveBeenCalledTimes(1);
  });

  it('rolls back and refuses an unknown user as not-found, reserving nothing', async () => {
    const { client, store } = fakeClient({ 'SELECT 1 FROM users': { rows: [] } });
    const creating = store.createOrder({ userId: 42, productId: 2, quantity: 3 }, {});
    await expect(creating).rejects.toBeInstanceOf(DomainError);
    await expect(creating).rejects.toMatchObject({ kind: 'not-found', message: 'user 42 not found' });
    expect(client.statements).toEqual(['BEGIN', 'SELECT 1', 'ROLLBACK']);
    expect(client.release).toHaveBeenCalledTimes(1);
  });

  it('rolls back and refuses a short stock as a conflict naming the quantity', async () => {
    const { client, store } = fakeClient({
      'SELECT 1 FROM users': { rows: [{}] },
      'UPDATE products': { rows: [] },
      'SELECT 1 FROM products': { rows: [{}] },
    });
    await expect(store.createOrder({ userId: 1, productId: 2, quantity: 100 }, {})).rejects.toMatchObject({
      kind: 'conflict',
      message: 'not enough stock for product 2',
      field: 'quantity',
    });
    expect(client.statements.at(-1)).toBe('ROLLBACK');
    expect(client.statements).not.toContain('INSERT INTO');
  });

  it('rolls back and refuses an unknown product as not-found', async () => {
    const { client, store } = fakeClient({ 'SELECT 1 FROM users': { rows: [{}] }, 'UPDATE products': { rows: [] } });
    await expect(store.createOrder({ userId: 1, productId: 99, quantity: 1 }, {})).rejects.toMatchObject({
      kind: 'not-found',
      message: 'product 99 not found',
    });
    expect(client.statements.at(-1)).toBe('ROLLBACK');
  });

  it('returns the connection to the pool and keeps the original error when even the rollback fails', async () => {
    const lost = new Error('Connection terminated unexpectedly');
    const { client, store } = fakeClient({});
    client.query.mockImplementation(async () => {
      throw lost;
    });
    await expect(store.createOrder({ userId: 1, productId: 2, quantity: 3 }, {})).rejects.toBe(lost);
    expect(client.release).toHaveBeenCalledTimes(1);
  });
});
