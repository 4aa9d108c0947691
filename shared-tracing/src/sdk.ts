import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { meshInstrumentations } from './instrumentations.js';
import { w3cPropagator } from './propagator.js';
import { serviceVersionOf } from './service-version.js';

// Everything else the SDK reads from the standard variables itself: OTEL_SERVICE_NAME,
// OTEL_EXPORTER_OTLP_*, OTEL_TRACES_SAMPLER(_ARG), OTEL_BSP_*, OTEL_RESOURCE_ATTRIBUTES and
// OTEL_NODE_RESOURCE_DETECTORS (by default: service.instance.id, process, host, os, env).
export function createSdk(entryScript = process.argv[1]): NodeSDK {
  const version = serviceVersionOf(entryScript);
  return new NodeSDK({
    resource: resourceFromAttributes(version ? { [ATTR_SERVICE_VERSION]: version } : {}),
    // The SDK wraps this exporter in a BatchSpanProcessor configured from OTEL_BSP_*: batching keeps
    // the export off the request path. OTLP over HTTP, as Jaeger receives it on :4318.
    traceExporter: new OTLPTraceExporter(),
    textMapPropagator: w3cPropagator(),
    instrumentations: [meshInstrumentations()],
  });
}
