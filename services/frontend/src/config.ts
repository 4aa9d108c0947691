import { type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/shared-tracing';

export interface FrontendConfig {
  listen: ListenAddress;
  backendUrl: string;
  // Mounts POST /test/trace-context for the W3C Trace Context test suite (off by default).
  traceContextHarness: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): FrontendConfig {
  return {
    listen: listenAddressFrom(env, 8080),
    backendUrl: urlFrom(env, 'BACKEND_URL', ['http', 'https']),
    traceContextHarness: env.TRACE_CONTEXT_HARNESS?.trim() === 'enabled',
  };
}
