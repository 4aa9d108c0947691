import { type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/shared-tracing';

export interface BackendConfig {
  listen: ListenAddress;
  databaseServiceUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BackendConfig {
  return {
    listen: listenAddressFrom(env, 8081),
    databaseServiceUrl: urlFrom(env, 'DATABASE_SERVICE_URL', ['http', 'https']),
  };
}
