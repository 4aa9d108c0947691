import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { BrokerUnavailableError, type Logger } from '@tracing-lab/shared-tracing';
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
  // What the trace context was when each query ran: the relay's own queries belong to no trace.
  const queriedIn: (string | undefined)[] = [];
  const outbox = {
    pending: vi.fn(async (_limit: number, _minAgeMs: number) => {
      queriedIn.push(trace.getSpanContext(context.active())?.traceId);
      return rounds.shift() ?? [];
    }),
    markPublished: vi.fn(async (_id: string) => {
      queriedIn.push(trace.getSpanContext(context.active())?.traceId);
    }),
  };
  // What the trace context was when each message was published: what amqplib would inject.
  const publishedIn: (string | undefined)[] = [];
  const broker = {
    publish: vi.fn(async () => {
      publishedIn.push(trace.getSpanContext(context.active())?.traceId);
    }),
  };
  const logger = { warn: vi.fn() };
  const relay = new OutboxRelay(outbox, broker, logger as unknown as Logger, 60_000);
  return { outbox, broker, logger, relay, publishedIn, queriedIn };
}

async function roundOf(relay: OutboxRelay): Promise<void> {
  await relay.sweep();
}

describe('OutboxRelay', () => {
  it("publishes a new order's event at once, inside the trace it was stored with, then marks it published", async () => {
    const { outbox, broker, relay, publishedIn, queriedIn } = relayWith([]);
    relay.publishSoon(event('5'));
    await relay.stop();
    expect(broker.publish).toHaveBeenCalledWith('order.created', event('5').payload);
    expect(publishedIn).toEqual([TRACE_ID]);
    expect(outbox.markPublished).toHaveBeenCalledWith('5');
    expect(queriedIn).toEqual([undefined]);
  });

  it('sweeps up the pending events older than the grace period, each in its own trace', async () => {
    const { outbox, broker, relay, publishedIn, queriedIn } = relayWith([[event('1'), event('2')]]);
    await roundOf(relay);
    expect(outbox.pending).toHaveBeenCalledWith(100, 5_000);
    expect(broker.publish).toHaveBeenCalledWith('order.created', event('1').payload);
    expect(publishedIn).toEqual([TRACE_ID, TRACE_ID]);
    expect(outbox.markPublished.mock.calls.map(([id]) => id)).toEqual(['1', '2']);
    // The sweep and the marks ran outside any trace: the pg instrumentation records none of them.
    expect(queriedIn).toEqual([undefined, undefined, undefined]);
  });

  it('sweeps in no trace when nothing is pending', async () => {
    const { broker, relay, queriedIn } = relayWith([[]]);
    await roundOf(relay);
    expect(broker.publish).not.toHaveBeenCalled();
    expect(queriedIn).toEqual([undefined]);
  });

  it('leaves an event pending while RabbitMQ is down, and publishes it on a later round', async () => {
    const { outbox, broker, logger, relay } = relayWith([[event('3')], [event('3')]]);
    broker.publish.mockRejectedValueOnce(new BrokerUnavailableError());
    await roundOf(relay);
    expect(outbox.markPublished).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.anything(), 'outbox relay paused, retrying shortly');

    await roundOf(relay);
    expect(outbox.markPublished).toHaveBeenCalledWith('3');
  });
});
