import { propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withLinkedSpan, withSpan } from '../src/with-span.js';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

// withSpan uses the global tracer, as it does under the preloaded SDK.
beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});

afterEach(() => exporter.reset());

afterAll(async () => {
  trace.disable();
  propagation.disable();
  await provider.shutdown();
});

describe('withSpan', () => {
  it('returns what the work returns and ends the span with its name, kind and attributes', async () => {
    const result = await withSpan('notification.send', { 'app.order.id': 7 }, async (span) => {
      span.setAttribute('app.sent', true);
      return 'sent';
    }, SpanKind.CLIENT);
    expect(result).toBe('sent');
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'notification.send', kind: SpanKind.CLIENT, attributes: { 'app.order.id': 7, 'app.sent': true } });
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('makes an INTERNAL span by default', async () => {
    await withSpan('inventory.reserve', {}, async () => undefined);
    expect(exporter.getFinishedSpans()[0]?.kind).toBe(SpanKind.INTERNAL);
  });

  it('rethrows the error after recording it, and still ends the span', async () => {
    const failure = new Error('not enough stock');
    await expect(withSpan('inventory.reserve', {}, async () => Promise.reject(failure))).rejects.toBe(failure);
    const [span] = exporter.getFinishedSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'not enough stock' });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });
});

describe('withLinkedSpan', () => {
  it('starts a trace of its own, linked to each stored trace context, an empty one left out', async () => {
    const stored = ['4bf92f3577b34da6a3ce929d0e0e4736', '0af7651916cd43dd8448eb211c80319c'].map((traceId) => ({ traceparent: `00-${traceId}-00f067aa0ba902b7-01` }));
    await withLinkedSpan('outbox.batch', { 'messaging.batch.message_count': 2 }, [...stored, {}], async () => undefined);
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'outbox.batch', kind: SpanKind.INTERNAL, parentSpanContext: undefined });
    expect(span?.links.map((link) => link.context.traceId)).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', '0af7651916cd43dd8448eb211c80319c']);
    expect(stored.map(({ traceparent }) => traceparent.split('-')[1])).not.toContain(span?.spanContext().traceId);
  });
});
