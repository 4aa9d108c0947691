import { waitFor } from '@tracing-lab/checker/poll';
import amqp, { type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labAmqpUrl, loadStack } from '@tracing-lab/scripts/stack';
import { waitForTrace } from './support/jaeger.js';
import { createOrder } from './support/mesh.js';

// What travels on the wire: a test queue bound to the orders exchange receives a copy of every
// order.created message, exactly as RabbitMQ delivers it to the notifier.

const AMQP_URL = labAmqpUrl(loadStack());
let connection: ChannelModel;
let channel: Channel;
let queue: string;

beforeAll(async () => {
  connection = await amqp.connect(AMQP_URL);
  channel = await connection.createChannel();
  queue = (await channel.assertQueue('', { exclusive: true, autoDelete: true })).queue;
  await channel.bindQueue(queue, 'orders', 'order.created');
});

afterAll(async () => {
  await connection?.close();
});

async function messageForOrder(orderId: number): Promise<GetMessage> {
  return waitFor(`order.created for order ${orderId} on the test queue`, async () => {
    for (;;) {
      const message = await channel.get(queue, { noAck: true });
      if (!message) return undefined;
      if ((JSON.parse(message.content.toString()) as { orderId: number }).orderId === orderId) return message;
    }
  });
}

describe('order.created on RabbitMQ', () => {
  it('carries the W3C traceparent of the publishing span in its headers', async () => {
    const { order, traceId } = await createOrder();
    const message = await messageForOrder(order.id);

    const traceparent = String(message.properties.headers?.traceparent);
    expect(traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    // The parent it names is the database service's producer span for this message, made by its outbox relay.
    const spans = await waitForTrace(traceId, (all) => all.some((s) => s.kind === 'producer'));
    const producer = spans.find((s) => s.kind === 'producer');
    expect(producer?.service).toBe('database');
    expect(traceparent.split('-')[2]).toBe(producer?.spanId);
  });

  it('is persistent JSON, so a broker restart does not lose it', async () => {
    const { order } = await createOrder();
    const message = await messageForOrder(order.id);
    expect(message.properties.deliveryMode).toBe(2);
    expect(message.properties.contentType).toBe('application/json');
  });

  it('carries the request baggage in its headers', async () => {
    const { order } = await createOrder({ baggage: 'lab.scenario=on-the-wire' });
    const message = await messageForOrder(order.id);
    expect(String(message.properties.headers?.baggage)).toContain('lab.scenario=on-the-wire');
  });
});
