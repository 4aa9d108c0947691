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
