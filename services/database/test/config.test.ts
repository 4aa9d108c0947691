import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEnvironment } from '@tracing-lab/scripts/compose-file';
import { loadConfig } from '../src/config.js';

// The environment docker-compose.yml gives this service: what it must start with.
const composeEnv = composeEnvironment(join(__dirname, '../../..'), 'database');

describe('database loadConfig', () => {
  it('loads the environment docker-compose.yml gives the database service', () => {
    expect(loadConfig(composeEnv)).toEqual({ listen: { host: '0.0.0.0', port: 8082 }, poolMax: 10 });
  });

  it('fails fast on a pool size that cannot serve a request', () => {
    expect(() => loadConfig({ DATABASE_POOL_MAX: '0' })).toThrow("DATABASE_POOL_MAX must be a whole number from 1 to 100, got '0'");
  });

  it('fails fast on a PORT that is not a port', () => {
    expect(() => loadConfig({ PORT: '0' })).toThrow("PORT must be a TCP port (1-65535), got '0'");
  });
});
