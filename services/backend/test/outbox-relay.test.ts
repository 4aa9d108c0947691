import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { AxiosInstance } from 'axios';
import { type Broker, BrokerUnavailableError, type Logger } from '@tracing-lab/shared-tracing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OutboxRelay } from '../src/outbox-relay.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const event = (id: string) => ({
  id,
  routingKey: 'order.created',
  payload: { orderId: Number(id), userId: 1, productId: 2, quantity: 1, totalCents: 5_900 },
  traceContext: { traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01` },
});

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
});

afterAll(() => {
  context.disable();
  propagation.disable();
});

function relayWith(pending: ReturnType<typeof event>[][]) {
  const rounds = [...pending];
  const database = {
    get: vi.fn(async (_path: string, _options?: unknown) => ({ data: rounds.shift() ?? [] })),
    post: vi.fn(async (_path: string) => ({ data: undefined })),
  };
  // What the trace context was when each message was published: what amqplib would inject.
  const publishedIn: (string | undefined)[] = [];
  const broker = {
    publish: vi.fn(async () => {
      publishedIn.push(trace.getSpanContext(context.active())?.traceId);
    }),
  };
  const logger = { warn: vi.fn() };
  const relay = new OutboxRelay(database as unknown as AxiosInstance, broker as unknown as Broker, logger as unknown as Logger, 60_000);
  return { database, broker, logger, relay, publishedIn };
}

async function roundOf(relay: OutboxRelay): Promise<void> {
  await relay.sweep();
}

describe('OutboxRelay', () => {
  it("publishes a new order's event at once, inside the trace it was stored with, then marks it published", async () => {
    const { database, broker, relay, publishedIn } = relayWith([]);
    relay.publishSoon(event('5'));
    await relay.stop();
    expect(broker.publish).toHaveBeenCalledWith('order.created', event('5').payload);
    expect(publishedIn).toEqual([TRACE_ID]);
    expect(database.post).toHaveBeenCalledWith('/db/outbox/5/published');
  });

  it('sweeps up the pending events older than the grace period, each in its own trace', async () => {
    const { database, broker, relay, publishedIn } = relayWith([[event('1'), event('2')]]);
    await roundOf(relay);
    expect(database.get).toHaveBeenCalledWith('/db/outbox/pending', { params: { limit: 100, minAgeMs: 5_000 } });
    expect(broker.publish).toHaveBeenCalledWith('order.created', event('1').payload);
    expect(publishedIn).toEqual([TRACE_ID, TRACE_ID]);
    expect(database.post.mock.calls.map(([path]) => path)).toEqual(['/db/outbox/1/published', '/db/outbox/2/published']);
  });

  it('leaves an event pending while RabbitMQ is down, and publishes it on a later round', async () => {
    const { database, broker, logger, relay } = relayWith([[event('3')], [event('3')]]);
    broker.publish.mockRejectedValueOnce(new BrokerUnavailableError());
    await roundOf(relay);
    expect(database.post).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.anything(), 'outbox relay paused, retrying shortly');

    await roundOf(relay);
    expect(database.post).toHaveBeenCalledWith('/db/outbox/3/published');
  });
});
