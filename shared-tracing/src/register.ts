// The bootstrap every service preloads with `node --import @tracing-lab/shared-tracing/register`, so
// the SDK patches http, express, pg, amqplib and pino before the app requires any of them. The app
// never imports this file. OTEL_LOG_LEVEL=warn (set in docker-compose.yml) makes export failures, such
// as Jaeger being down or a wrong endpoint, show up in the service log.
import { createSdk } from './sdk.js';
import { reportDroppedSpans } from './span-pipeline-stats.js';
import { installShutdownHandlers, onShutdownFinally } from './shutdown.js';
import { loadTracingConfig } from './tracing-config.js';

if (loadTracingConfig().enabled) {
  const sdk = createSdk();
  sdk.start();
  onShutdownFinally('opentelemetry-sdk', () => sdk.shutdown());
  // Required only now, after sdk.start(): pino loaded before its instrumentation is in place would
  // write log lines without trace_id, in this service's own logger too.
  const { createLogger } = require('./logger.js') as typeof import('./logger.js');
  reportDroppedSpans(createLogger());
}
installShutdownHandlers();
