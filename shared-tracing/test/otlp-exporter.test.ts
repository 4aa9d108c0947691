import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { otlpExporter, otlpProtocol } from '../src/otlp-exporter.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the OTLP encoding, from the standard variables', () => {
  it.each([
    [{}, 'http/protobuf', OtlpProtobufExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, 'http/json', OtlpJsonExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: ' http/protobuf ' }, 'http/protobuf', OtlpProtobufExporter],
    // The signal's own variable wins over the generic one.
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' }, 'http/json', OtlpJsonExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: '' }, 'http/json', OtlpJsonExporter],
  ])('%j: %s', (env, protocol, exporter) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    expect(otlpProtocol()).toBe(protocol);
    expect(otlpExporter()).toBeInstanceOf(exporter);
  });

  it.each([
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc'],
    ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'http/xml'],
  ])('refuses %s=%s at start, naming the variable and what it takes', (name, value) => {
    vi.stubEnv(name, value);
    expect(() => otlpExporter()).toThrow(`${name}=${value}: the lab exports traces with http/protobuf or http/json (to Jaeger's :4318)`);
  });
});
