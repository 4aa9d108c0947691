import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { healthReport } from '../src/health.js';

describe('healthReport', () => {
  beforeEach(() => {
    vi.stubEnv('OTEL_SERVICE_NAME', 'backend');
    vi.stubEnv('OTEL_SDK_DISABLED', '');
    vi.stubEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '');
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://jaeger:4318');
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('answers 200 ok with the tracing set-up when every dependency is up', async () => {
    expect(await healthReport({ rabbitmq: 'up', postgres: 'up' })).toEqual({
      status: 200,
      body: {
        status: 'ok',
        service: 'backend',
        // No batch processor in this process, so no span counts to report.
        tracing: { enabled: true, exporterEndpoint: 'http://jaeger:4318/v1/traces', spans: undefined },
        dependencies: { rabbitmq: 'up', postgres: 'up' },
      },
    });
  });

  it('answers 200 for a service without dependencies', async () => {
    expect(await healthReport({})).toMatchObject({ status: 200, body: { status: 'ok', dependencies: {} } });
  });

  it('answers 503 degraded, naming the dependency that is down', async () => {
    expect(await healthReport({ rabbitmq: 'down', postgres: 'up' })).toMatchObject({
      status: 503,
      body: { status: 'degraded', dependencies: { rabbitmq: 'down', postgres: 'up' } },
    });
  });

  it('shows when the SDK is switched off', async () => {
    vi.stubEnv('OTEL_SDK_DISABLED', 'true');
    expect((await healthReport({})).body.tracing).toEqual({ enabled: false, exporterEndpoint: 'http://jaeger:4318/v1/traces', spans: undefined });
  });
});
