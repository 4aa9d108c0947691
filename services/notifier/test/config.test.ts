import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEnvironment } from '@tracing-lab/scripts/compose-file';
import { loadConfig } from '../src/config.js';

// The environment docker-compose.yml gives this service: what it must start with.
const composeEnv = composeEnvironment(join(__dirname, '../../..'), 'notifier');

describe('notifier loadConfig', () => {
  it('loads the environment docker-compose.yml gives the notifier', () => {
    expect(loadConfig(composeEnv)).toEqual({
      listen: { host: '0.0.0.0', port: 8083 },
      databaseServiceUrl: 'http://database:8082',
      amqpUrl: 'amqp://lab:lab@rabbitmq:5672',
      orderPrefetch: 10,
      mailSendMs: 15,
    });
  });

  it.each<[Record<string, string | undefined>, string]>([
    [{ DATABASE_SERVICE_URL: undefined }, 'DATABASE_SERVICE_URL is required (an http or https URL)'],
    [{ AMQP_URL: ' ' }, 'AMQP_URL is required (an amqp or amqps URL)'],
    [{ AMQP_URL: 'rabbitmq:5672' }, "AMQP_URL must be an amqp or amqps URL, got 'rabbitmq:5672'"],
    [{ ORDER_PREFETCH: '0' }, "ORDER_PREFETCH must be a whole number from 1 to 1000, got '0'"],
  ])('fails fast on %j: %s', (override, message) => {
    expect(() => loadConfig({ ...composeEnv, ...override })).toThrow(message);
  });
});
