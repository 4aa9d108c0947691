// The traced building blocks services import (the logger, HTTP client and errors, messaging, spans by
// hand, the lab's fault scenarios) and what the service kit reads of the tracing set-up. The SDK
// bootstrap is not among them: it is preloaded with `node --import @tracing-lab/shared-tracing/register`.
// The Express frame around them is @tracing-lab/service-kit; the domain contracts @tracing-lab/contracts.
export { Broker, BrokerUnavailableError, PoisonMessageError, type MessageHandler, type Topology } from './messaging.js';
export type { DependencyState } from './health.js';
export { createHttpClient } from './http-client.js';
export { errorHandler, HttpError, notFoundHandler, parseInput, upstreamError } from './http-errors.js';
export { createLogger, type Logger } from './logger.js';
export { installShutdownHandlers, onShutdown, shutdown } from './shutdown.js';
export { currentTraceContext, linksTo, outsideAnyTrace, resumeTraceContext } from './stored-trace-context.js';
export { recordSpanError } from './span-error.js';
export { readSpanPipelineStats } from './span-pipeline-stats.js';
export { activeScenarios, faultFires, LabFaultError, SCENARIO_BAGGAGE_KEY } from './lab-scenario.js';
export { traceResponseHeader } from './trace-response.js';
export { loadTracingConfig, type TracingConfig } from './tracing-config.js';
export { annotateActiveSpan, withClientSpan, withLinkedSpan, withSpan } from './with-span.js';
export { serviceTracerProvider } from './service-tracer-provider.js';
