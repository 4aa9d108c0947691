import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEnvironment } from '@tracing-lab/scripts/compose-file';
import { loadConfig } from '../src/config.js';

// The environment docker-compose.yml gives this service: what it must start with.
const composeEnv = composeEnvironment(join(__dirname, '../../..'), 'frontend');

describe('frontend loadConfig', () => {
  it('loads the environment docker-compose.yml gives the frontend', () => {
    expect(loadConfig(composeEnv)).toEqual({
      listen: { host: '0.0.0.0', port: 8080 },
      backendUrl: 'http://backend:8081',
      backendTimeoutMs: 5_000,
      traceContextHarness: false,
      shopPage: { otlpTracesUrl: 'http://localhost:4318/v1/traces', jaegerUiUrl: 'http://localhost:16686', traceExplorerUrl: 'http://localhost:3000/ui' },
    });
  });

  it('mounts the W3C test-suite endpoint only when TRACE_CONTEXT_HARNESS=enabled', () => {
    expect(loadConfig({ ...composeEnv, TRACE_CONTEXT_HARNESS: 'enabled' }).traceContextHarness).toBe(true);
    expect(loadConfig({ ...composeEnv, TRACE_CONTEXT_HARNESS: 'true' }).traceContextHarness).toBe(false);
  });

  it.each<[Record<string, string | undefined>, string]>([
    [{ BACKEND_URL: undefined }, 'BACKEND_URL is required (an http or https URL)'],
    [{ BACKEND_URL: 'backend:8081' }, "BACKEND_URL must be an http or https URL, got 'backend:8081'"],
    [{ SHOP_OTLP_TRACES_URL: undefined }, 'SHOP_OTLP_TRACES_URL is required (an http or https URL)'],
    [{ SHOP_JAEGER_UI_URL: 'localhost:16686' }, "SHOP_JAEGER_UI_URL must be an http or https URL, got 'localhost:16686'"],
    [{ PORT: 'eighty' }, "PORT must be a TCP port (1-65535), got 'eighty'"],
    [{ BACKEND_TIMEOUT_MS: '2s' }, "BACKEND_TIMEOUT_MS must be a whole number from 1 to 600000, got '2s'"],
  ])('fails fast on %j: %s', (override, message) => {
    expect(() => loadConfig({ ...composeEnv, ...override })).toThrow(message);
  });
});
