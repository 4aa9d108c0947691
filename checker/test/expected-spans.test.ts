import { describe, expect, it } from 'vitest';
import { ORDER_TRACE, USERS_TRACE } from '../src/expectations.js';
import { describeExpected, isComplete, missingSpans, withLinkedTraces } from '../src/expected-spans.js';
import { loadFixture, spanNamed, splitAtLink, without } from './support/fixtures.js';

const order = loadFixture('order-healthy').trace;
const users = loadFixture('users-healthy').trace;

describe('the expected-span tables', () => {
  it('match the recorded order and users traces completely', () => {
    expect(missingSpans(order.spans, ORDER_TRACE)).toEqual([]);
    expect(missingSpans(users.spans, USERS_TRACE)).toEqual([]);
    expect(isComplete(order.spans, ORDER_TRACE)).toBe(true);
  });

  it('miss the consumer and everything under it when the notifier never exported', () => {
    const noNotifier = without(order, (s) => s.service === 'notifier');
    expect(missingSpans(noNotifier.spans, ORDER_TRACE).map(describeExpected)).toEqual([
      'notifier(consumer) /order-created/',
      'notifier(client) "notification.send"',
      'notifier(client) "POST"',
      'database(server) "POST /db/notifications"',
      'database(client) /^pg\\.query:INSERT/',
    ]);
  });

  it('do not count a span found in the wrong place: an UPDATE outside inventory.reserve', () => {
    const reserve = spanNamed(order, 'database', 'inventory.reserve');
    const broken = without(order, (s) => s.spanId === reserve.spanId);
    expect(missingSpans(broken.spans, ORDER_TRACE).map((e) => e.id)).toEqual(['inventory.reserve', 'sql.reserve']);
  });

  it('call a trace incomplete when a span waits for a parent that never came, even with every expected span there', () => {
    const handler = order.spans.find((s) => s.service === 'backend' && s.operation === 'request handler')!;
    const broken = without(order, (s) => s.spanId === handler.spanId);
    expect(isComplete(broken.spans, ORDER_TRACE)).toBe(false);
  });
});

describe('withLinkedTraces', () => {
  it('joins a consumer trace that links to the producer, and the trace is complete again', () => {
    const { order: split, linked } = splitAtLink(order);
    expect(isComplete(split.spans, ORDER_TRACE)).toBe(false);
    const joined = withLinkedTraces(split, [linked, users]);
    expect(joined.spans).toHaveLength(order.spans.length);
    expect(isComplete(joined.spans, ORDER_TRACE)).toBe(true);
  });
});
