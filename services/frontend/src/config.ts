import { portFrom, urlFrom } from '@tracing-lab/shared-tracing';

export interface FrontendConfig {
  port: number;
  backendUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): FrontendConfig {
  return {
    port: portFrom(env, 'PORT', 8080),
    backendUrl: urlFrom(env, 'BACKEND_URL', ['http', 'https']),
  };
}
