import type pg from 'pg';
import { HttpError } from '@tracing-lab/shared-tracing';
import { slowDbFault } from './faults.js';
import { reserveStock } from './inventory.js';

export interface User {
  id: number;
  name: string;
}

export interface Order {
  id: number;
  userId: number;
  productId: number;
  quantity: number;
  totalCents: number;
  createdAt: string;
}

export interface Notification {
  id: number;
  orderId: number;
  channel: string;
  createdAt: string;
}

export interface NewOrder {
  userId: number;
  productId: number;
  quantity: number;
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

  async orders(limit: number): Promise<Order[]> {
    await slowDbFault(this.pool);
    const sql = `SELECT ${ORDER_COLUMNS} FROM orders ORDER BY id DESC LIMIT $1`;
    return (await this.pool.query<Order>(sql, [limit])).rows;
  }

  async order(id: number): Promise<Order> {
    await slowDbFault(this.pool);
    const result = await this.pool.query<Order>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1`, [id]);
    const order = result.rows[0];
    if (!order) throw HttpError.notFound(`order ${id}`);
    return order;
  }

  // Stock is reserved and the order written in one transaction: both happen or neither does.
  async createOrder(input: NewOrder): Promise<Order> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await slowDbFault(client);
      const user = await client.query('SELECT 1 FROM users WHERE id = $1', [input.userId]);
      if (user.rowCount === 0) throw HttpError.notFound(`user ${input.userId}`);
      const totalCents = await reserveStock(client, input.productId, input.quantity);
      const result = await client.query<Order>(
        `INSERT INTO orders (user_id, product_id, quantity, total_cents) VALUES ($1, $2, $3, $4) RETURNING ${ORDER_COLUMNS}`,
        [input.userId, input.productId, input.quantity, totalCents],
      );
      await client.query('COMMIT');
      return result.rows[0] as Order;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async recordNotification(orderId: number, channel: string): Promise<Notification> {
    await slowDbFault(this.pool);
    const result = await this.pool.query<Notification>(
      'INSERT INTO notifications (order_id, channel) VALUES ($1, $2) RETURNING id, order_id AS "orderId", channel, created_at AS "createdAt"',
      [orderId, channel],
    );
    return result.rows[0] as Notification;
  }

  async notifications(limit: number): Promise<Notification[]> {
    const result = await this.pool.query<Notification>(
      'SELECT id, order_id AS "orderId", channel, created_at AS "createdAt" FROM notifications ORDER BY id DESC LIMIT $1',
      [limit],
    );
    return result.rows;
  }
}
