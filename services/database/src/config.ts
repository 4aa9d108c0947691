import { countFrom, type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/service-kit';

// The database service's settings. PostgreSQL's address and credentials are not here: node-postgres
// reads the standard PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE variables itself. RabbitMQ is
// where the outbox relay publishes the events this service stores.
export interface DatabaseServiceConfig {
  listen: ListenAddress;
  amqpUrl: string;
  // Connections to PostgreSQL at most; a request waits for a free one (the pg-pool.connect span).
  poolMax: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DatabaseServiceConfig {
  return {
    listen: listenAddressFrom(env, 8082),
    amqpUrl: urlFrom(env, 'AMQP_URL', ['amqp', 'amqps']),
    poolMax: countFrom(env, 'DATABASE_POOL_MAX', 10, 1, 100),
  };
}
