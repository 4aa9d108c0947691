import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@tracing-lab/checker/poll';
import amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { down, labAmqpUrl, loadStack, REPO_ROOT, up } from '@tracing-lab/scripts/stack';
import type { Span } from '@tracing-lab/trace-analysis';
import { waitForTrace } from './support/jaeger.js';
import { createOrder } from './support/mesh.js';

// At-least-once delivery done right: a message delivered twice notifies once; a message that keeps
// failing is dead-lettered after 3 deliveries, headers and trace context kept, and `npm run
// dead-letters -- replay` brings it back into its original trace once the cause is gone.

const stack = loadStack();
const AMQP_URL = labAmqpUrl(stack);
const run = promisify(execFile);

afterAll(async () => {
  await down(stack, ['notifier']);
  await up(stack, ['notifier']);
});

const notificationsFor = async (orderId: number): Promise<unknown[]> =>
  (await (await fetch(`http://127.0.0.1:8082/db/notifications?orderId=${orderId}`)).json()) as unknown[];
const deliveriesOf = (spans: Span[]) => spans.filter((s) => s.service === 'notifier' && s.kind === 'consumer');
const sent = (spans: Span[]) => spans.some((s) => s.operation === 'notification.send' && s.tags['otel.status_code'] !== 'ERROR');

async function deadLetters(command: string): Promise<string> {
  const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'scripts', 'dist', 'dead-letters.js'), command]);
  return stdout;
}

describe('delivery', () => {
  it('notifies once when the same order.created is delivered twice', async () => {
    const { order, traceId } = await createOrder();
    await waitForTrace(traceId, sent);
    expect(await notificationsFor(order.id)).toHaveLength(1);

    // The relay can publish an event twice; here the test does, with the same trace context.
    const connection = await amqp.connect(AMQP_URL);
    try {
      const channel = await connection.createConfirmChannel();
      const payload = { orderId: order.id, userId: order.userId, productId: order.productId, quantity: order.quantity, totalCents: 1 };
      const traceparent = `00-${traceId}-${'1'.repeat(16)}-01`;
      channel.publish('orders', 'order.created', Buffer.from(JSON.stringify(payload)), { persistent: true, headers: { traceparent } });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
    const spans = await waitForTrace(traceId, (all) => deliveriesOf(all).length === 2);
    expect(deliveriesOf(spans).some((s) => s.tags['app.notification.duplicate'] === true)).toBe(true);
    expect(await notificationsFor(order.id)).toHaveLength(1);
  });

  it('dead-letters a message after its third failed delivery, and replays it into the same trace', async () => {
    // The e-mail provider is down for every message (LAB_SCENARIO=notifier-outage).
    await down(stack, ['notifier']);
    await up(stack, ['notifier'], { notifier: { LAB_SCENARIO: 'notifier-outage' } });
    const { order, traceId } = await createOrder();
    const failed = await waitForTrace(traceId, (spans) => deliveriesOf(spans).length === 3, 30_000);
    expect(deliveriesOf(failed).every((s) => s.tags['otel.status_code'] === 'ERROR')).toBe(true);
    const listed = await waitFor('the order in the dead-letter queue', async () => {
      const listing = await deadLetters('list');
      return listing.includes(traceId) ? listing : undefined;
    });
    expect(listed).toContain(`"orderId":${order.id}`);
    expect(await notificationsFor(order.id)).toHaveLength(0);

    // The outage is over: the notifier runs normally again, and the operator replays.
    await down(stack, ['notifier']);
    await up(stack, ['notifier']);
    expect(await deadLetters('replay')).toContain(traceId);
    const spans = await waitForTrace(traceId, sent, 30_000);
    expect(deliveriesOf(spans)).toHaveLength(4);
    expect(await notificationsFor(order.id)).toHaveLength(1);
  });
});
