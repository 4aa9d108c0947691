import { type ListenAddress, listenAddressFrom } from '@tracing-lab/shared-tracing';

// The database service's settings. PostgreSQL's address and credentials are not here: node-postgres
// reads the standard PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE variables itself.
export interface DatabaseServiceConfig {
  listen: ListenAddress;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DatabaseServiceConfig {
  return { listen: listenAddressFrom(env, 8082) };
}
