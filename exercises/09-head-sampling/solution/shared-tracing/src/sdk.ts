import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { meshInstrumentations } from './instrumentations.js';
import { w3cPropagator } from './propagator.js';
import { serviceVersionOf } from './service-version.js';
import { meshSpanProcessors } from './span-processors.js';

// Everything else the SDK reads from the standard variables itself: OTEL_SERVICE_NAME,
// OTEL_EXPORTER_OTLP_*, OTEL_TRACES_SAMPLER(_ARG), OTEL_RESOURCE_ATTRIBUTES and
// OTEL_NODE_RESOURCE_DETECTORS (by default: service.instance.id, process, host, os, env).
export function createSdk(entryScript = process.argv[1]): NodeSDK {
  const version = serviceVersionOf(entryScript);
  return new NodeSDK({
    resource: resourceFromAttributes(version ? { [ATTR_SERVICE_VERSION]: version } : {}),
    spanProcessors: meshSpanProcessors(),
    textMapPropagator: w3cPropagator(),
    instrumentations: [meshInstrumentations()],
  });
}
