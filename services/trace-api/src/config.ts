import { portFrom, urlFrom } from '@tracing-lab/shared-tracing';

// The Tracing API's settings. Where the manual spans go is not here: their OTLP exporter reads the
// standard OTEL_EXPORTER_OTLP_* variables, like every service's SDK.
export interface TraceApiConfig {
  port: number;
  // Jaeger's HTTP query API (the one its UI uses), where every query and analysis reads from.
  jaegerQueryUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TraceApiConfig {
  return {
    port: portFrom(env, 'PORT', 3000),
    jaegerQueryUrl: urlFrom(env, 'JAEGER_QUERY_URL', ['http', 'https']),
  };
}
