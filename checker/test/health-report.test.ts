import { describe, expect, it } from 'vitest';
import { exporterEndpointProblem, parseHealthBody, tracingProblems } from '../src/health-report.js';

const endpoints: Array<[string, RegExp | undefined]> = [
  ['http://jaeger:4318/v1/traces', undefined],
  ['http://127.0.0.1:4318/v1/traces/', undefined],
  ['http://jaeger:4318/v1/traces/v1/traces', /the path is doubled, so Jaeger answers 404/],
  ['http://jaeger:4318/v1/v1/traces', /the path is doubled/],
  ['http://jaeger:4318', /listens on \/v1\/traces/],
  ['http://jaeger:4317/v1/traces', /Jaeger's OTLP\/gRPC port: use port 4318/],
  ['jaeger:4318', /is not a URL|listens on/],
];

describe('exporterEndpointProblem', () => {
  it.each(endpoints)('%s -> %s', (endpoint, problem) => {
    const found = exporterEndpointProblem('backend', endpoint);
    if (problem) expect(found?.text).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

const healthy = { status: 'ok', service: 'backend', tracing: { enabled: true, exporterEndpoint: 'http://jaeger:4318/v1/traces' }, dependencies: { rabbitmq: 'up' } };

describe('tracingProblems', () => {
  it('finds none in a healthy report', () => {
    expect(tracingProblems('backend', parseHealthBody(healthy)!)).toEqual([]);
  });

  it('names OTEL_SDK_DISABLED when tracing is off', () => {
    const body = parseHealthBody({ ...healthy, tracing: { ...healthy.tracing, enabled: false } })!;
    expect(tracingProblems('backend', body)).toEqual([
      {
        id: 'sdkDisabled',
        text: "tracing is switched off in the backend: OTEL_SDK_DISABLED=true is set. Remove it from the backend's environment (docker-compose.yml) and restart it",
      },
    ]);
  });

  it('names OTEL_SERVICE_NAME when the service reports the SDK fallback name', () => {
    const body = parseHealthBody({ ...healthy, service: 'unknown_service:node' })!;
    expect(tracingProblems('backend', body)[0]?.text).toMatch(/^the backend reports 'unknown_service:node'.*Set OTEL_SERVICE_NAME=backend/);
  });
});

it('parseHealthBody refuses an answer without the tracing report', () => {
  expect(parseHealthBody({ status: 'ok', service: 'x' })).toBeUndefined();
  expect(parseHealthBody(null)).toBeUndefined();
});
