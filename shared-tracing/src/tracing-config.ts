// What this process's tracing is set to, read from the standard OTEL_* variables, so that /health can
// tell a learner at a glance whether the SDK runs, under which name, and where it sends spans.

export interface TracingConfig {
  enabled: boolean;
  serviceName: string;
  tracesEndpoint: string;
}

// The OTLP/HTTP default when no endpoint is set (OTLP exporter specification).
const DEFAULT_OTLP_HTTP_ENDPOINT = 'http://localhost:4318';

export function loadTracingConfig(env: NodeJS.ProcessEnv = process.env): TracingConfig {
  return {
    enabled: env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== 'true',
    // The SDK's own fallback when OTEL_SERVICE_NAME is missing, which is what Jaeger will then show.
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'unknown_service:node',
    tracesEndpoint: tracesEndpointFrom(env),
  };
}

// The signal-specific variable is used as is; the generic one gets the signal path appended. Mixing the
// two up is the classic `/v1/traces/v1/traces` 404, so the rule lives in one place.
function tracesEndpointFrom(env: NodeJS.ProcessEnv): string {
  const specific = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (specific) return specific;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || DEFAULT_OTLP_HTTP_ENDPOINT;
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}
