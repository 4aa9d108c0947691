import { createRequire } from 'node:module';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { BrokerUnavailableError, HttpError, type Logger } from '@tracing-lab/shared-tracing';
import type { TraceTree } from '@tracing-lab/trace-analysis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AlertEvaluator, TRACES_PER_SEARCH } from '../src/alert-evaluator.js';
import type { AlertRule } from '../src/alert-rules.js';
import type { RecentQuery } from '../src/trace-store.js';
import { NOW_MS, requests } from './support/requests.js';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
// The spans are made by withSpan from shared-tracing's CommonJS build, whose tracer comes from its own
// (CommonJS) instance of the OpenTelemetry API: the provider is registered with that instance. The
// context manager is one global, whichever instance registers it.
const commonJsApi = createRequire(__filename)('@opentelemetry/api') as typeof import('@opentelemetry/api');

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  commonJsApi.trace.setGlobalTracerProvider(provider);
});

afterEach(() => exporter.reset());

afterAll(async () => {
  commonJsApi.trace.disable();
  context.disable();
  await provider.shutdown();
});

const errorRate: AlertRule = { name: 'backend-error-rate', service: 'backend', metric: 'error_rate', threshold: 0.1, window: '60s', windowMs: 60_000, minSamples: 5 };
const latency: AlertRule = { name: 'backend-p95', service: 'backend', metric: 'p95_ms', threshold: 500, window: '2m', windowMs: 120_000, minSamples: 5 };

const failing = requests('bad', 10, 2);
const healthy = requests('good', 10);

// What Jaeger has, round by round: traces, or the error a search fails with.
function evaluatorWith(rounds: Array<TraceTree[] | Error>, { publishing = true, rules = [errorRate] } = {}) {
  // The span each search ran in: none, so that the evaluator's reads are not traced.
  const searchedIn: string[] = [];
  const store = {
    recent: vi.fn(async (_query: RecentQuery) => {
      searchedIn.push((trace.getActiveSpan() as unknown as { name: string } | undefined)?.name ?? 'no span');
      const next = rounds.shift() ?? [];
      if (next instanceof Error) throw next;
      return next;
    }),
  };
  // The span each message was published in: what the amqplib instrumentation would continue.
  const publishedIn: string[] = [];
  const publisher = {
    publish: vi.fn(async (_routingKey: string, _payload: unknown) => {
      publishedIn.push((trace.getActiveSpan() as unknown as { name: string } | undefined)?.name ?? 'no span');
    }),
    state: () => 'up' as const,
  };
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  let now = NOW_MS;
  const evaluator = new AlertEvaluator(rules, store, publishing ? publisher : undefined, logger as unknown as Logger, 1_000, () => now);
  return { evaluator, store, publisher, publishedIn, searchedIn, logger, later: (ms: number) => (now += ms) };
}

describe('AlertEvaluator', () => {
  it('fires, publishing alert.firing from inside its alerts.evaluate span, then resolves with alert.resolved', async () => {
    const { evaluator, publisher, publishedIn, later } = evaluatorWith([failing, healthy]);
    await evaluator.evaluate();
    later(5_000);
    await evaluator.evaluate();

    expect(publisher.publish.mock.calls.map(([key, event]) => [key, (event as { state: string }).state])).toEqual([
      ['alert.firing', 'firing'],
      ['alert.resolved', 'resolved'],
    ]);
    expect(publishedIn).toEqual(['alerts.evaluate', 'alerts.evaluate']);
    expect(publisher.publish.mock.calls[0]?.[1]).toEqual({
      rule: 'backend-error-rate',
      service: 'backend',
      metric: 'error_rate',
      threshold: 0.1,
      window: '60s',
      state: 'firing',
      at: new Date(NOW_MS).toISOString(),
      value: 0.5,
      samples: 10,
      exampleTraceIds: ['bad2', 'bad4', 'bad6'],
    });
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => [span.name, span.attributes['app.alert.transitions'], span.attributes['app.alert.firing']])).toEqual([
      ['alerts.evaluate', 1, 1],
      ['alerts.evaluate', 1, 0],
    ]);
  });

  it('reports every rule’s state and the transitions, newest first, at GET /alerts', async () => {
    const { evaluator, later } = evaluatorWith([failing, healthy]);
    await evaluator.evaluate();
    later(5_000);
    await evaluator.evaluate();

    const report = evaluator.report();
    expect(report.evaluator).toEqual({
      intervalMs: 1_000,
      lastRunAt: new Date(NOW_MS + 5_000).toISOString(),
      jaeger: 'up',
      error: null,
      publishing: 'rabbitmq',
      unpublished: 0,
    });
    expect(report.rules).toEqual([
      {
        name: 'backend-error-rate',
        service: 'backend',
        metric: 'error_rate',
        threshold: 0.1,
        window: '60s',
        minSamples: 5,
        state: 'resolved',
        firedAt: new Date(NOW_MS).toISOString(),
        resolvedAt: new Date(NOW_MS + 5_000).toISOString(),
        value: 0,
        samples: 10,
        exampleTraceIds: [],
        evaluatedAt: new Date(NOW_MS + 5_000).toISOString(),
        error: null,
      },
    ]);
    expect(report.events.map((event) => event.state)).toEqual(['resolved', 'firing']);
  });

  it('searches Jaeger once per service, far enough back for its longest window, for the newest traces, untraced', async () => {
    const { evaluator, store, searchedIn } = evaluatorWith([failing], { rules: [errorRate, latency] });
    await evaluator.evaluate();
    expect(store.recent.mock.calls).toEqual([[{ serviceName: 'backend', limit: TRACES_PER_SEARCH, lookbackMinutes: 2 }]]);
    expect(searchedIn).toEqual(['no span']);
    expect(evaluator.report().rules.map((rule) => [rule.name, rule.state])).toEqual([
      ['backend-error-rate', 'firing'],
      ['backend-p95', 'inactive'],
    ]);
  });

  it('keeps every state while Jaeger is unreachable, says so, and carries on once it is back', async () => {
    const { evaluator, publisher, logger, later } = evaluatorWith([failing, new HttpError(502, { error: 'jaeger unreachable' }), healthy]);
    await evaluator.evaluate();
    later(5_000);
    await evaluator.evaluate();

    let report = evaluator.report();
    expect(report.evaluator).toMatchObject({ jaeger: 'down', error: 'jaeger unreachable' });
    expect(report.rules[0]).toMatchObject({ state: 'firing', error: 'jaeger unreachable', evaluatedAt: new Date(NOW_MS).toISOString() });
    const failedRound = exporter.getFinishedSpans()[1];
    expect([failedRound?.name, failedRound?.status.code, failedRound?.attributes['error.type']]).toEqual(['alerts.evaluate', SpanStatusCode.ERROR, '502']);
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(HttpError) }), 'alert evaluation cannot read Jaeger, keeping alert states until it can');

    later(5_000);
    await evaluator.evaluate();
    report = evaluator.report();
    expect(report.evaluator).toMatchObject({ jaeger: 'up', error: null });
    expect(report.rules[0]).toMatchObject({ state: 'resolved', error: null });
    expect(publisher.publish.mock.calls.map(([key]) => key)).toEqual(['alert.firing', 'alert.resolved']);
  });

  it('keeps transitions RabbitMQ could not take, and publishes them in order with a later round', async () => {
    const { evaluator, publisher, later } = evaluatorWith([failing, healthy, healthy]);
    publisher.publish.mockRejectedValueOnce(new BrokerUnavailableError());
    await evaluator.evaluate();
    expect(evaluator.report().evaluator.unpublished).toBe(1);
    expect(exporter.getFinishedSpans()[0]?.attributes['error.type']).toBe('BROKER_UNAVAILABLE');

    later(5_000);
    await evaluator.evaluate();
    expect(evaluator.report().evaluator.unpublished).toBe(0);
    expect(publisher.publish.mock.calls.map(([key]) => key)).toEqual(['alert.firing', 'alert.firing', 'alert.resolved']);
  });

  it('without a broker keeps the alerts for GET /alerts only, and reports no broker in /health', async () => {
    const { evaluator } = evaluatorWith([failing], { publishing: false });
    await evaluator.evaluate();
    expect(evaluator.report().evaluator).toMatchObject({ publishing: 'off', unpublished: 0 });
    expect(evaluator.report().events.map((event) => event.state)).toEqual(['firing']);
    expect(evaluator.dependencies()).toEqual({});
  });

  it('reports its broker in /health', () => {
    expect(evaluatorWith([]).evaluator.dependencies()).toEqual({ rabbitmq: 'up' });
  });

  it('does not run at all without rules', async () => {
    const { evaluator, store } = evaluatorWith([], { rules: [] });
    evaluator.start();
    await evaluator.stop();
    expect(store.recent).not.toHaveBeenCalled();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('runs a first round as soon as it starts, and finishes it before stopping', async () => {
    const { evaluator, store } = evaluatorWith([failing]);
    evaluator.start();
    await evaluator.stop();
    expect(store.recent).toHaveBeenCalledTimes(1);
    expect(evaluator.report().rules[0]?.state).toBe('firing');
  });
});
