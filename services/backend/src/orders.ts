import type { AxiosInstance } from 'axios';
import { upstreamError } from '@tracing-lab/shared-tracing';
import type { NewOrder, Order } from '@tracing-lab/contracts';
import type { OrderListStrategy } from './config.js';
import { backendErrorFault } from './faults.js';

// The backend's business logic: reads go to the database service; a new order is stored there, with
// its `order.created` event, which the database service's outbox relay publishes and the notifier
// consumes in the same trace.
export class Orders {
  constructor(
    private readonly database: AxiosInstance,
    private readonly listStrategy: OrderListStrategy = 'single-query',
  ) {}

  users(): Promise<unknown> {
    backendErrorFault();
    return this.fromDatabase(() => this.database.get('/db/users'));
  }

  products(): Promise<unknown> {
    backendErrorFault();
    return this.fromDatabase(() => this.database.get('/db/products'));
  }

  async list(limit: number): Promise<unknown> {
    backendErrorFault();
    const orders = await this.fromDatabase(() => this.database.get('/db/orders', { params: { limit } }));
    if (this.listStrategy === 'single-query') return orders;
    // Each order read again on its own, as code that loads an entity per row does: one call per order.
    const each: unknown[] = [];
    for (const { id } of orders as Order[]) each.push(await this.get(id));
    return each;
  }

  get(id: number): Promise<unknown> {
    backendErrorFault();
    return this.fromDatabase(() => this.database.get(`/db/orders/${id}`));
  }

  // The notifications the notifier has recorded for one order: the shop page polls here until one arrives.
  notifications(orderId: number): Promise<unknown> {
    backendErrorFault();
    return this.fromDatabase(() => this.database.get('/db/notifications', { params: { orderId } }));
  }

  // The order is accepted even while RabbitMQ is down: its event waits in the outbox.
  async create(input: NewOrder): Promise<Order> {
    backendErrorFault();
    return (await this.fromDatabase(() => this.database.post('/db/orders', input))) as Order;
  }

  private async fromDatabase(call: () => Promise<{ data: unknown }>): Promise<unknown> {
    try {
      return (await call()).data;
    } catch (error) {
      throw upstreamError('database service', error);
    }
  }
}
