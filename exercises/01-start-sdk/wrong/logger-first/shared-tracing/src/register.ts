// The bootstrap every service preloads with `node --import @tracing-lab/shared-tracing/register`. The
// app never imports this file. OTEL_LOG_LEVEL=warn (set in docker-compose.yml) makes export failures,
// such as Jaeger being down or a wrong endpoint, show up in the service log.
import { createLogger } from './logger.js';
import { createSdk } from './sdk.js';
import { reportDroppedSpans } from './span-pipeline-stats.js';
import { installShutdownHandlers, onShutdownFinally } from './shutdown.js';
import { loadTracingConfig } from './tracing-config.js';

if (loadTracingConfig().enabled) {
  const sdk = createSdk();
  sdk.start();
  onShutdownFinally('opentelemetry-sdk', () => sdk.shutdown());
  reportDroppedSpans(createLogger());
}
installShutdownHandlers();
