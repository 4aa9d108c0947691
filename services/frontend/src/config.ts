import { countFrom, type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/service-kit';
import type { ShopPageSettings } from './shop-page.js';

export interface FrontendConfig {
  listen: ListenAddress;
  backendUrl: string;
  // How long the frontend waits for the backend before it answers 502 on its own.
  backendTimeoutMs: number;
  // Mounts POST /test/trace-context for the W3C Trace Context test suite (off by default).
  traceContextHarness: boolean;
  // The shop page at GET /: where its browser exports spans and links each trace.
  shopPage: ShopPageSettings;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): FrontendConfig {
  return {
    listen: listenAddressFrom(env, 8080),
    backendUrl: urlFrom(env, 'BACKEND_URL', ['http', 'https']),
    backendTimeoutMs: countFrom(env, 'BACKEND_TIMEOUT_MS', 5_000, 1, 600_000),
    traceContextHarness: env.TRACE_CONTEXT_HARNESS?.trim() === 'enabled',
    shopPage: {
      otlpTracesUrl: urlFrom(env, 'SHOP_OTLP_TRACES_URL', ['http', 'https']),
      jaegerUiUrl: urlFrom(env, 'SHOP_JAEGER_UI_URL', ['http', 'https']),
      traceExplorerUrl: urlFrom(env, 'SHOP_TRACE_EXPLORER_URL', ['http', 'https']),
    },
  };
}
