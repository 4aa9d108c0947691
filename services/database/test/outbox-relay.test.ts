import { createRequire } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { BrokerUnavailableError, type Logger } from '@tracing-lab/shared-tracing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OutboxRelay } from '../src/outbox-relay.js';

// Each event in the trace of its own order: trace ids ending in the event's id.
const traceOf = (id: string) => `0af7651916cd43dd8448eb211c8031${id.padStart(2, '0')}`;
const event = (id: string) => ({
  id,
  routingKey: 'order.created',
  payload: { orderId: Number(id), userId: 1, productId: 2, quantity: 1, totalCents: 5_900 },
  traceContext: { traceparent: `00-${traceOf(id)}-b7ad6b7169203331-01` },
});

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
// The batch span is made by shared-tracing's CommonJS build, whose tracer comes from its own (CommonJS)
// instance of the OpenTelemetry API: the provider is registered with that instance. The context
// manager and the propagator are one global each, whichever instance registers them.
const commonJsApi = createRequire(__filename)('@opentelemetry/api') as typeof import('@opentelemetry/api');

beforeAll(() => {
  commonJsApi.trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
});

afterEach(() => exporter.reset());

afterAll(async () => {
  commonJsApi.trace.disable();
  await provider.shutdown();
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
    expect(publishedIn).toEqual([traceOf('5')]);
    expect(outbox.markPublished).toHaveBeenCalledWith('5');
    expect(queriedIn).toEqual([undefined]);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('sweeps up the pending events older than the grace period, each published in its own trace', async () => {
    const { outbox, broker, relay, publishedIn, queriedIn } = relayWith([[event('1'), event('2')]]);
    await roundOf(relay);
    expect(outbox.pending).toHaveBeenCalledWith(100, 5_000);
    expect(broker.publish).toHaveBeenCalledWith('order.created', event('1').payload);
    expect(publishedIn).toEqual([traceOf('1'), traceOf('2')]);
    expect(outbox.markPublished.mock.calls.map(([id]) => id)).toEqual(['1', '2']);
    // The sweep's query ran outside any trace, where the pg instrumentation records nothing; the
    // marks ran in the batch's span.
    const [batch] = exporter.getFinishedSpans();
    expect(queriedIn).toEqual([undefined, batch?.spanContext().traceId, batch?.spanContext().traceId]);
  });

  it('makes one span for a batch it publishes: a trace of its own, linked to each event\'s trace', async () => {
    const { relay } = relayWith([[event('1'), event('2')]]);
    await roundOf(relay);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['outbox.batch']);
    const [batch] = spans;
    expect(batch?.parentSpanContext).toBeUndefined();
    expect(batch?.attributes).toMatchObject({ 'messaging.batch.message_count': 2 });
    expect(batch?.links.map((link) => link.context.traceId)).toEqual([traceOf('1'), traceOf('2')]);
  });

  it('sweeps in no trace, and makes no span, when nothing is pending', async () => {
    const { broker, relay, queriedIn } = relayWith([[]]);
    await roundOf(relay);
    expect(broker.publish).not.toHaveBeenCalled();
    expect(queriedIn).toEqual([undefined]);
    expect(exporter.getFinishedSpans()).toEqual([]);
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
