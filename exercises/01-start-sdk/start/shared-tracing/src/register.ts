// The bootstrap every service preloads with `node --import @tracing-lab/shared-tracing/register`. The
// app never imports this file. OTEL_LOG_LEVEL=warn (set in docker-compose.yml) makes export failures,
// such as Jaeger being down or a wrong endpoint, show up in the service log.
//
// TODO (exercise 1): start the OpenTelemetry SDK here, so that every service records its requests
// and sends them to Jaeger under its own name (OTEL_SERVICE_NAME) with the lab's resource attributes
// (OTEL_RESOURCE_ATTRIBUTES): HTTP and Express spans, SQL, messaging, and trace ids in the log lines.
// Only when tracing is enabled (loadTracingConfig), and shut down so the last spans are flushed.
// Until then the OpenTelemetry API does nothing and every request is served without a trace.
import { installShutdownHandlers } from './shutdown.js';

installShutdownHandlers();
