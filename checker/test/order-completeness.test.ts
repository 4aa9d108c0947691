import { describe, expect, it } from 'vitest';
import { missingFromOrderTrace } from '../src/order-completeness.js';
import { changed, loadFixture, spanNamed, without } from './support/fixtures.js';

// What `npm run bench` and the completeness audit say a recorded order trace lacks once a span is lost.
const order = loadFixture('order-healthy').trace;

describe('missingFromOrderTrace', () => {
  it('finds nothing missing in the recorded trace', () => {
    expect(missingFromOrderTrace(order.spans)).toEqual([]);
  });

  it('says so when Jaeger does not have the trace', () => {
    expect(missingFromOrderTrace([])).toEqual(['not in Jaeger']);
  });

  it('names notification.send when the notifier lost that span', () => {
    const lost = without(order, (s) => s.operation === 'notification.send');
    expect(missingFromOrderTrace(lost.spans)).toEqual(['span notifier(client) "notification.send"']);
  });

  it('names the RabbitMQ hop, what hangs under it, and the spans left without a parent when the consumer span never arrived', () => {
    const lost = without(order, (s) => s.kind === 'consumer');
    expect(missingFromOrderTrace(lost.spans)).toEqual([
      'span notifier(consumer) /order-created/',
      'span notifier(client) "notification.send"',
      'span notifier(client) "POST"',
      'span database(server) "POST /db/notifications"',
      'span database(client) /^pg\\.query:INSERT/',
      // The consumer's children: the lookup of earlier notifications, the send and the insert's call.
      'the parent of 3 span(s)',
    ]);
  });

  it('counts the spans left without a parent when an unlisted span in the middle is lost', () => {
    const handler = spanNamed(order, 'backend', 'request handler');
    const lost = without(order, (s) => s.spanId === handler.spanId);
    // Its one child: the call to the database service that stores the order with its event.
    expect(missingFromOrderTrace(lost.spans).at(-1)).toBe('the parent of 1 span(s)');
  });

  it('names the database span that answered the notifier in a trace of its own', () => {
    const answer = spanNamed(order, 'database', 'POST /db/notifications');
    const detached = changed(order, (s) => (s.spanId === answer.spanId ? { ...s, parentSpanId: undefined, references: [] } : undefined));
    expect(missingFromOrderTrace(detached.spans)).toEqual(['span database(server) "POST /db/notifications"', 'span database(client) /^pg\\.query:INSERT/']);
  });
});
