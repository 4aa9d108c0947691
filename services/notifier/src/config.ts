import { portFrom, urlFrom } from '@tracing-lab/shared-tracing';

export interface NotifierConfig {
  port: number;
  databaseServiceUrl: string;
  amqpUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return {
    port: portFrom(env, 'PORT', 8083),
    databaseServiceUrl: urlFrom(env, 'DATABASE_SERVICE_URL', ['http', 'https']),
    amqpUrl: urlFrom(env, 'AMQP_URL', ['amqp', 'amqps']),
  };
}
