import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEnvironment } from '@tracing-lab/scripts/compose-file';
import { DEFAULT_ALERT_RULES_FILE, DEFAULT_LAB_STATE_FILE, loadConfig } from '../src/config.js';

// The environment docker-compose.yml gives the Tracing API: what it must start with.
const composeEnv = composeEnvironment(join(__dirname, '../../..'), 'trace-api');

describe('trace-api loadConfig, alert settings', () => {
  it('loads the environment docker-compose.yml gives trace-api: the shipped rules, every 5 s, published to RabbitMQ', () => {
    expect(loadConfig(composeEnv)).toEqual({
      listen: { host: '0.0.0.0', port: 3000 },
      jaegerQueryUrl: 'http://jaeger:16686',
      alerts: { rulesFile: DEFAULT_ALERT_RULES_FILE, rulesFileRequired: false, intervalMs: 5_000, amqpUrl: 'amqp://lab:lab@rabbitmq:5672' },
      labStateFile: DEFAULT_LAB_STATE_FILE,
    });
  });

  it('reads the rules beside the package, where Compose mounts them', () => {
    expect(DEFAULT_ALERT_RULES_FILE).toBe(join(__dirname, '..', 'alert-rules.yaml'));
  });

  it('requires the rules file ALERT_RULES_FILE names, and takes ALERT_INTERVAL_MS', () => {
    expect(loadConfig({ ...composeEnv, ALERT_RULES_FILE: '/tmp/rules.yaml', ALERT_INTERVAL_MS: '1000' }).alerts).toMatchObject({
      rulesFile: '/tmp/rules.yaml',
      rulesFileRequired: true,
      intervalMs: 1_000,
    });
  });

  it('publishes nothing without AMQP_URL', () => {
    expect(loadConfig({ ...composeEnv, AMQP_URL: undefined }).alerts.amqpUrl).toBeUndefined();
  });

  it.each<[Record<string, string | undefined>, string]>([
    [{ ALERT_INTERVAL_MS: '50' }, "ALERT_INTERVAL_MS must be a number of ms from 100 to 3600000, got '50'"],
    [{ ALERT_INTERVAL_MS: '5s' }, "ALERT_INTERVAL_MS must be a number of ms from 100 to 3600000, got '5s'"],
    [{ ALERT_INTERVAL_MS: '1e3' }, "ALERT_INTERVAL_MS must be a number of ms from 100 to 3600000, got '1e3'"],
    [{ AMQP_URL: 'rabbitmq:5672' }, "AMQP_URL must be an amqp or amqps URL, got 'rabbitmq:5672'"],
  ])('fails fast on %j: %s', (override, message) => {
    expect(() => loadConfig({ ...composeEnv, ...override })).toThrow(message);
  });
});
