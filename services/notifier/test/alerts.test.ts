import { createRequire } from 'node:module';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { type Logger, PoisonMessageError } from '@tracing-lab/shared-tracing';
import type { AlertEvent } from '@tracing-lab/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AlertDelivery } from '../src/alerts.js';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
// The span is made by withSpan from shared-tracing's CommonJS build, whose tracer comes from its own
// (CommonJS) instance of the OpenTelemetry API: the provider is registered with that instance.
const commonJsApi = createRequire(__filename)('@opentelemetry/api') as typeof import('@opentelemetry/api');

beforeAll(() => {
  commonJsApi.trace.setGlobalTracerProvider(provider);
});

afterEach(() => exporter.reset());

afterAll(async () => {
  commonJsApi.trace.disable();
  await provider.shutdown();
});

const firing: AlertEvent = {
  rule: 'backend-error-rate',
  service: 'backend',
  metric: 'error_rate',
  threshold: 0.05,
  window: '60s',
  state: 'firing',
  at: '2026-11-23T12:00:00.000Z',
  value: 0.25,
  samples: 40,
  exampleTraceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'],
};

function delivery() {
  const logger = { info: vi.fn() };
  return { logger, alerts: new AlertDelivery(logger as unknown as Logger) };
}

describe('AlertDelivery.deliver', () => {
  it('posts the alert in an alert.deliver client span naming the rule and its state', async () => {
    await delivery().alerts.deliver(firing);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => [span.name, span.kind])).toEqual([['alert.deliver', SpanKind.CLIENT]]);
    expect(spans[0]?.attributes).toEqual({
      'app.alert.rule': 'backend-error-rate',
      'app.alert.state': 'firing',
      'app.alert.service': 'backend',
      'app.alert.metric': 'error_rate',
      'app.alert.threshold': 0.05,
      'app.alert.value': 0.25,
      'app.notification.channel': 'chat',
      'server.address': 'chat.tracing-lab.internal',
      'network.protocol.name': 'https',
    });
  });

  it('logs each delivery with the rule, the value and the example traces', async () => {
    const { logger, alerts } = delivery();
    await alerts.deliver(firing);
    await alerts.deliver({ ...firing, state: 'resolved', value: null, samples: 0, exampleTraceIds: [] });
    expect(logger.info.mock.calls).toEqual([
      [
        { rule: 'backend-error-rate', state: 'firing', service: 'backend', metric: 'error_rate', value: 0.25, threshold: 0.05, exampleTraceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'], channel: 'chat' },
        'alert firing delivered',
      ],
      [
        { rule: 'backend-error-rate', state: 'resolved', service: 'backend', metric: 'error_rate', value: null, threshold: 0.05, exampleTraceIds: [], channel: 'chat' },
        'alert resolved delivered',
      ],
    ]);
    expect(exporter.getFinishedSpans()[1]?.attributes['app.alert.value']).toBeUndefined();
  });

  it.each<[unknown, string]>([
    [{ ...firing, rule: undefined }, 'rule'],
    [{ ...firing, state: 'pending' }, 'state'],
    [{ ...firing, value: '0.25' }, 'value'],
    [[firing], 'body'],
  ])('rejects %j as poison, naming %s, so it is dead-lettered instead of retried', async (payload, field) => {
    const delivering = delivery().alerts.deliver(payload);
    await expect(delivering).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(delivering).rejects.toThrow(`alert payload invalid: ${field}`);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
