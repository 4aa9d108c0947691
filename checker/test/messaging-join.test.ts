import { expect, it } from 'vitest';
import { findMessagingJoin } from '../src/messaging-join.js';
import { loadFixture, splitAtLink } from './support/fixtures.js';

const order = loadFixture('order-healthy').trace;
const producers = (spans = order.spans) => spans.filter((s) => s.kind === 'producer');
const consumers = (spans = order.spans) => spans.filter((s) => s.kind === 'consumer');

it('finds the recorded consumer span as a child of the publish span', () => {
  const join = findMessagingJoin(producers(), consumers());
  expect(join?.kind).toBe('child');
  expect(join?.consumer.operation).toBe('notifier.order-created process');
});

it('finds a consumer that starts its own trace with a link to the publish span', () => {
  const { order: split, linked } = splitAtLink(order);
  const join = findMessagingJoin(producers(split.spans), consumers(linked.spans));
  expect(join).toMatchObject({ kind: 'link', consumer: { traceId: linked.traceId }, producer: { traceId: order.traceId } });
});

it('finds nothing when the consumer span has no reference to the producer', () => {
  const orphan = consumers().map((s) => ({ ...s, parentSpanId: undefined, references: [] }));
  expect(findMessagingJoin(producers(), orphan)).toBeUndefined();
});
