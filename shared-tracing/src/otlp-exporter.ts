import { getStringFromEnv } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace';

// The lab's one exporter: OTLP over HTTP to Jaeger's :4318, encoded as the standard variables say.
// The SDK honours them only for an exporter it builds itself; the lab builds its own (its processor
// list comes first), so they are read here, with the specification's default, http/protobuf.
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

export function otlpProtocol(): OtlpProtocol {
  const read = (name: string) => getStringFromEnv(name)?.trim() || undefined;
  const name = read('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = read(name) ?? 'http/protobuf';
  if (!OTLP_PROTOCOLS.includes(protocol as OtlpProtocol)) {
    // grpc too: Jaeger listens for it on :4317, but the lab's services export over HTTP only.
    throw new Error(`${name}=${protocol}: the lab exports traces with ${OTLP_PROTOCOLS.join(' or ')} (to Jaeger's :4318)`);
  }
  return protocol as OtlpProtocol;
}

export function otlpExporter(): SpanExporter {
  return otlpProtocol() === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter();
}
