import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withSpan } from '../src/with-span.js';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

// withSpan uses the global tracer, as it does under the preloaded SDK.
beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
});

afterEach(() => exporter.reset());

afterAll(async () => {
  trace.disable();
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
