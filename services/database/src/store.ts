import type pg from 'pg';
import { type NewOrder, type Order, ORDER_EVENTS, type OrderCreatedEvent, DomainError } from '@tracing-lab/contracts';
import { slowDbFault } from './faults.js';
import { reserveStock } from './inventory.js';
import { addToOutbox, type OutboxEvent } from './outbox.js';

export interface User {
  id: number;
  name: string;
}

export interface Product {
  id: number;
  name: string;
  priceCents: number;
}

export interface Notification {
  id: number;
  orderId: number;
  channel: string;
  createdAt: string;
}

const ORDER_COLUMNS =
  'id, user_id AS "userId", product_id AS "productId", quantity, total_cents AS "totalCents", created_at AS "createdAt"';

// The queries behind the service's endpoints. Users' e-mail addresses stay in the database: no
// endpoint returns them, so they never reach a response, a span or a log.
export class Store {
  constructor(private readonly pool: pg.Pool) {}

  async users(): Promise<User[]> {
    await slowDbFault(this.pool);
    return (await this.pool.query<User>('SELECT id, name FROM users ORDER BY id')).rows;
  }

  async products(): Promise<Product[]> {
    await slowDbFault(this.pool);
    return (await this.pool.query<Product>('SELECT id, name, price_cents AS "priceCents" FROM products ORDER BY id')).rows;
  }

  async orders(limit: number): Promise<Order[]> {
    await slowDbFault(this.pool);
    const sql = `SELECT ${ORDER_COLUMNS} FROM orders ORDER BY id DESC LIMIT $1`;
    return (await this.pool.query<Order>(sql, [limit])).rows;
  }

  async order(id: number): Promise<Order> {
    await slowDbFault(this.pool);
    const result = await this.pool.query<Order>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1`, [id]);
    const order = result.rows[0];
    if (!order) throw new DomainError('not-found', `order ${id} not found`);
    return order;
  }

  // Stock is reserved and the order written in one transaction: both happen or neither does.
  // `traceContext` is the trace the order's event continues, stored with it. The event comes back with
  // the order, so the relay can publish it at once.
  async createOrder(input: NewOrder, traceContext: Record<string, string>): Promise<{ order: Order; event: OutboxEvent }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await slowDbFault(client);
      const user = await client.query('SELECT 1 FROM users WHERE id = $1', [input.userId]);
      if (user.rowCount === 0) throw new DomainError('not-found', `user ${input.userId} not found`);
      const totalCents = await reserveStock(client, input.productId, input.quantity);
      const result = await client.query<Order>(
        `INSERT INTO orders (user_id, product_id, quantity, total_cents) VALUES ($1, $2, $3, $4) RETURNING ${ORDER_COLUMNS}`,
        [input.userId, input.productId, input.quantity, totalCents],
      );
      const order = result.rows[0] as Order;
      const payload: OrderCreatedEvent = {
        orderId: order.id,
        userId: order.userId,
        productId: order.productId,
        quantity: order.quantity,
        totalCents: order.totalCents,
      };
      const event = await addToOutbox(client, { routingKey: ORDER_EVENTS.orderCreated, payload, traceContext });
      await client.query('COMMIT');
      return { order, event };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  // At most one notification per order and channel: a second attempt returns the first one, marked
  // `created: false`, so a redelivered message cannot notify twice.
  async recordNotification(orderId: number, channel: string): Promise<Notification & { created: boolean }> {
    await slowDbFault(this.pool);
    const columns = 'id, order_id AS "orderId", channel, created_at AS "createdAt"';
    const inserted = await this.pool.query<Notification>(
      `INSERT INTO notifications (order_id, channel) VALUES ($1, $2) ON CONFLICT (order_id, channel) DO NOTHING RETURNING ${columns}`,
      [orderId, channel],
    );
    if (inserted.rows[0]) return { ...inserted.rows[0], created: true };
    const existing = await this.pool.query<Notification>(`SELECT ${columns} FROM notifications WHERE order_id = $1 AND channel = $2`, [
      orderId,
      channel,
    ]);
    return { ...(existing.rows[0] as Notification), created: false };
  }

  async notifications(limit: number, orderId?: number): Promise<Notification[]> {
    const result = await this.pool.query<Notification>(
      `SELECT id, order_id AS "orderId", channel, created_at AS "createdAt" FROM notifications
       WHERE $2::integer IS NULL OR order_id = $2 ORDER BY id DESC LIMIT $1`,
      [limit, orderId ?? null],
    );
    return result.rows;
  }
}
