import { portFrom, urlFrom } from '@tracing-lab/shared-tracing';

export interface BackendConfig {
  port: number;
  databaseServiceUrl: string;
  amqpUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BackendConfig {
  return {
    port: portFrom(env, 'PORT', 8081),
    databaseServiceUrl: urlFrom(env, 'DATABASE_SERVICE_URL', ['http', 'https']),
    amqpUrl: urlFrom(env, 'AMQP_URL', ['amqp', 'amqps']),
  };
}
