import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEnvironment } from '@tracing-lab/scripts/compose-file';
import { loadConfig } from '../src/config.js';

// The environment docker-compose.yml gives this service: what it must start with.
const composeEnv = composeEnvironment(join(__dirname, '../../..'), 'database');

describe('database loadConfig', () => {
  it('loads the environment docker-compose.yml gives the database service', () => {
    expect(loadConfig(composeEnv)).toEqual({ listen: { host: '0.0.0.0', port: 8082 }, amqpUrl: 'amqp://lab:lab@rabbitmq:5672', poolMax: 10 });
  });

  it.each<[Record<string, string | undefined>, string]>([
    [{ PORT: '0' }, "PORT must be a TCP port (1-65535), got '0'"],
    [{ AMQP_URL: undefined }, 'AMQP_URL is required (an amqp or amqps URL)'],
    [{ AMQP_URL: 'http://lab:lab@rabbitmq:5672' }, "AMQP_URL must be an amqp or amqps URL, got 'http://***@rabbitmq:5672'"],
    [{ DATABASE_POOL_MAX: '0' }, "DATABASE_POOL_MAX must be a whole number from 1 to 100, got '0'"],
  ])('fails fast on %j: %s', (override, message) => {
    expect(() => loadConfig({ ...composeEnv, ...override })).toThrow(message);
  });
});
