import { z } from 'zod';
import { positiveInt } from './input-schemas.js';

// The messaging contract between backend (publisher) and notifier (consumer).
export const ORDER_EVENTS = {
  exchange: 'orders',
  orderCreated: 'order.created',
  notifierQueue: 'notifier.order-created',
  notifierDeadLetterQueue: 'notifier.order-created.dead-letter',
} as const;

export interface OrderCreatedEvent {
  orderId: number;
  userId: number;
  productId: number;
  quantity: number;
  totalCents: number;
}

// What a consumer needs of an order.created message, checked: a message that does not fit can never
// be handled, and is dead-lettered instead of retried.
export const orderCreatedMessage = z.object({ orderId: positiveInt(), userId: positiveInt(), productId: positiveInt(), quantity: positiveInt() });
