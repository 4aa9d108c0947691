import { expect, it } from 'vitest';
import { checkAttributes, describeAttribute } from '../src/custom-attributes.js';
import { CUSTOM_SPANS } from '../src/expectations.js';
import { loadFixture, spanNamed } from './support/fixtures.js';

const order = loadFixture('order-healthy').trace;
const [reserve, send] = CUSTOM_SPANS;
const orderId = spanNamed(order, 'notifier', 'notification.send').tags['app.order.id'] as number;
const sent = { productId: 2, quantity: 1, orderId };

it('accepts the recorded inventory.reserve span for the order the checker sent', () => {
  const checks = checkAttributes(spanNamed(order, 'database', 'inventory.reserve'), reserve!.attributes, sent);
  expect(checks.every((c) => c.ok)).toBe(true);
  expect(checks.map(describeAttribute).slice(0, 2)).toEqual(['app.product.id=2', 'app.inventory.requested=1']);
});

it('names a missing attribute and a value from another order', () => {
  const span = spanNamed(order, 'notifier', 'notification.send');
  const { 'app.notification.channel': _dropped, ...tags } = span.tags;
  const checks = checkAttributes({ ...span, tags }, send!.attributes, { ...sent, orderId: orderId + 1 });
  expect(checks.filter((c) => !c.ok).map(describeAttribute)).toEqual([
    'app.notification.channel is missing, expected a string',
    `app.order.id is ${orderId}, expected ${orderId + 1}`,
  ]);
});
