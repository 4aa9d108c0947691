import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOnSampler } from '@opentelemetry/sdk-trace';
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
    // TODO (exercise 9): this sampler records every request, whatever the caller decided. A trace
    // is only whole when one decision, taken where the trace starts, is followed by every service it
    // reaches: a request that comes in with `traceparent: …-00` (not sampled) must leave no span in
    // any service, and its traceresponse must say not sampled too; one that comes in sampled, or
    // starts here, is recorded everywhere. The lab sets the sampler per service with the standard
    // OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG variables (docker-compose.yml), which the SDK
    // reads when no sampler is given here.
    sampler: new AlwaysOnSampler(),
    spanProcessors: meshSpanProcessors(),
    textMapPropagator: w3cPropagator(),
    instrumentations: [meshInstrumentations()],
  });
}
