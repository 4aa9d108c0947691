import { countFrom, type ListenAddress, listenAddressFrom } from '@tracing-lab/shared-tracing';

// The database service's settings. PostgreSQL's address and credentials are not here: node-postgres
// reads the standard PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE variables itself.
export interface DatabaseServiceConfig {
  listen: ListenAddress;
  // Connections to PostgreSQL at most; a request waits for a free one (the pg-pool.connect span).
  poolMax: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DatabaseServiceConfig {
  return { listen: listenAddressFrom(env, 8082), poolMax: countFrom(env, 'DATABASE_POOL_MAX', 10, 1, 100) };
}
