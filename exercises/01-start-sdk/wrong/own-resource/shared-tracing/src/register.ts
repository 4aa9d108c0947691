// The bootstrap every service preloads with `node --import @tracing-lab/shared-tracing/register`. The
// app never imports this file. OTEL_LOG_LEVEL=warn (set in docker-compose.yml) makes export failures,
// such as Jaeger being down or a wrong endpoint, show up in the service log.
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { meshInstrumentations } from './instrumentations.js';
import { w3cPropagator } from './propagator.js';
import { meshSpanProcessors } from './span-processors.js';
import { reportDroppedSpans } from './span-pipeline-stats.js';
import { installShutdownHandlers, onShutdownFinally } from './shutdown.js';
import { loadTracingConfig } from './tracing-config.js';

if (loadTracingConfig().enabled) {
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? 'unknown_service' }),
    autoDetectResources: false,
    spanProcessors: meshSpanProcessors(),
    textMapPropagator: w3cPropagator(),
    instrumentations: [meshInstrumentations()],
  });
  sdk.start();
  onShutdownFinally('opentelemetry-sdk', () => sdk.shutdown());
  const { createLogger } = require('./logger.js') as typeof import('./logger.js');
  reportDroppedSpans(createLogger());
}
installShutdownHandlers();
