import { type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/shared-tracing';

// The database service's settings. PostgreSQL's address and credentials are not here: node-postgres
// reads the standard PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE variables itself. RabbitMQ is
// where the outbox relay publishes the events this service stores.
export interface DatabaseServiceConfig {
  listen: ListenAddress;
  amqpUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DatabaseServiceConfig {
  return {
    listen: listenAddressFrom(env, 8082),
    amqpUrl: urlFrom(env, 'AMQP_URL', ['amqp', 'amqps']),
  };
}
