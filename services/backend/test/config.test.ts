import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEnvironment } from '@tracing-lab/scripts/compose-file';
import { loadConfig } from '../src/config.js';

// The environment docker-compose.yml gives this service: what it must start with.
const composeEnv = composeEnvironment(join(__dirname, '../../..'), 'backend');

describe('backend loadConfig', () => {
  it('loads the environment docker-compose.yml gives the backend', () => {
    expect(loadConfig(composeEnv)).toEqual({
      listen: { host: '0.0.0.0', port: 8081 },
      databaseServiceUrl: 'http://database:8082',
      database: { timeoutMs: 5_000, readRetries: 0 },
      orderList: 'single-query',
    });
  });

  it('listens on 8081 when PORT is not set', () => {
    expect(loadConfig({ ...composeEnv, PORT: undefined }).listen.port).toBe(8081);
  });

  it.each<[Record<string, string | undefined>, string]>([
    [{ DATABASE_SERVICE_URL: undefined }, 'DATABASE_SERVICE_URL is required (an http or https URL)'],
    [{ DATABASE_SERVICE_URL: 'database:8082' }, "DATABASE_SERVICE_URL must be an http or https URL, got 'database:8082'"],
    [{ PORT: '80810' }, "PORT must be a TCP port (1-65535), got '80810'"],
    [{ DATABASE_TIMEOUT_MS: '0' }, "DATABASE_TIMEOUT_MS must be a whole number from 1 to 600000, got '0'"],
    [{ DATABASE_READ_RETRIES: 'two' }, "DATABASE_READ_RETRIES must be a whole number from 0 to 10, got 'two'"],
    [{ ORDER_LIST_STRATEGY: 'lazy' }, "ORDER_LIST_STRATEGY must be one of single-query, per-item, got 'lazy'"],
  ])('fails fast on %j: %s', (override, message) => {
    expect(() => loadConfig({ ...composeEnv, ...override })).toThrow(message);
  });
});
