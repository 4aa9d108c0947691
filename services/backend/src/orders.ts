import type { AxiosInstance } from 'axios';
import {
  type Broker,
  BrokerUnavailableError,
  HttpError,
  ORDER_EVENTS,
  type OrderCreatedEvent,
  recordSpanError,
  upstreamError,
} from '@tracing-lab/shared-tracing';
import { trace } from '@opentelemetry/api';
import { backendErrorFault, poisonMessageFault } from './faults.js';

export interface OrderInput {
  userId: number;
  productId: number;
  quantity: number;
}

export interface Order extends OrderInput {
  id: number;
  totalCents: number;
  createdAt: string;
}

// The backend's business logic: reads go to the database service; a new order is stored there and
// then announced on RabbitMQ as `order.created`, which the notifier consumes in the same trace.
export class Orders {
  constructor(
    private readonly database: AxiosInstance,
    private readonly broker: Broker,
  ) {}

  users(): Promise<unknown> {
    backendErrorFault();
    return this.fromDatabase(() => this.database.get('/db/users'));
  }

  list(limit: number): Promise<unknown> {
    backendErrorFault();
    return this.fromDatabase(() => this.database.get('/db/orders', { params: { limit } }));
  }

  get(id: number): Promise<unknown> {
    backendErrorFault();
    return this.fromDatabase(() => this.database.get(`/db/orders/${id}`));
  }

  async create(input: OrderInput): Promise<Order> {
    backendErrorFault();
    const order = (await this.fromDatabase(() => this.database.post('/db/orders', input))) as Order;
    const event: OrderCreatedEvent = {
      orderId: order.id,
      userId: order.userId,
      productId: order.productId,
      quantity: order.quantity,
      totalCents: order.totalCents,
    };
    try {
      await this.broker.publish(ORDER_EVENTS.orderCreated, poisonMessageFault(event));
    } catch (error) {
      // The order is stored but nobody will be notified: the caller must know, and so must the trace.
      const span = trace.getActiveSpan();
      if (span) recordSpanError(span, error);
      const reason = error instanceof BrokerUnavailableError ? error.message : 'publish not confirmed';
      throw new HttpError(503, { error: `order ${order.id} stored, but order.created was not published: ${reason}`, orderId: order.id });
    }
    return order;
  }

  private async fromDatabase(call: () => Promise<{ data: unknown }>): Promise<unknown> {
    try {
      return (await call()).data;
    } catch (error) {
      throw upstreamError('database service', error);
    }
  }
}
