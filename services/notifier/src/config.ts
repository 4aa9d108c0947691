import { type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/shared-tracing';

export interface NotifierConfig {
  listen: ListenAddress;
  databaseServiceUrl: string;
  amqpUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return {
    listen: listenAddressFrom(env, 8083),
    databaseServiceUrl: urlFrom(env, 'DATABASE_SERVICE_URL', ['http', 'https']),
    amqpUrl: urlFrom(env, 'AMQP_URL', ['amqp', 'amqps']),
  };
}
