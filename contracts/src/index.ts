// The domain contracts the services share: what an order is, the messages they exchange with their
// schemas, the input rules, and the errors domain code raises.
export { ALERT_EVENTS, type AlertEvent, type AlertMetric, type AlertTransition, alertEventMessage } from './alert-events.js';
export { DomainError, type DomainErrorKind } from './domain-errors.js';
export { intBetween, listLimit, type NewOrder, newOrderInput, positiveInt } from './input-schemas.js';
export { ORDER_EVENTS, type OrderCreatedEvent, orderCreatedMessage } from './order-events.js';
export type { Order } from './order.js';
