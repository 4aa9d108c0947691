import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTracingConfig } from '../src/tracing-config.js';

describe('loadTracingConfig', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    [undefined, true],
    ['false', true],
    ['', true],
    ['1', true],
    ['true', false],
    ['TRUE', false],
    [' True ', false],
  ])('OTEL_SDK_DISABLED=%j leaves tracing enabled: %s', (value, enabled) => {
    expect(loadTracingConfig({ OTEL_SDK_DISABLED: value }).enabled).toBe(enabled);
  });

  it.each([
    [undefined, 'unknown_service:node'],
    ['', 'unknown_service:node'],
    ['   ', 'unknown_service:node'],
    [' backend ', 'backend'],
  ])('OTEL_SERVICE_NAME=%j names the service %j', (value, name) => {
    expect(loadTracingConfig({ OTEL_SERVICE_NAME: value }).serviceName).toBe(name);
  });

  it.each<[Record<string, string>, string]>([
    [{}, 'http://localhost:4318/v1/traces'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }, 'http://jaeger:4318/v1/traces'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318//' }, 'http://jaeger:4318/v1/traces'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: ' http://jaeger:4318/otlp/ ' }, 'http://jaeger:4318/otlp/v1/traces'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, 'http://localhost:4318/v1/traces'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom' }, 'http://collector:4318/custom'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces/' }, 'http://collector:4318/v1/traces/'],
    [
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://specific:4318/v1/traces', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://generic:4318' },
      'http://specific:4318/v1/traces',
    ],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: ' ', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://generic:4318' }, 'http://generic:4318/v1/traces'],
  ])('%j exports spans to %s', (env, endpoint) => {
    expect(loadTracingConfig(env).tracesEndpoint).toBe(endpoint);
  });

  it('reads process.env when given no environment', () => {
    vi.stubEnv('OTEL_SERVICE_NAME', 'from-process-env');
    vi.stubEnv('OTEL_SDK_DISABLED', 'true');
    expect(loadTracingConfig()).toMatchObject({ serviceName: 'from-process-env', enabled: false });
  });
});
