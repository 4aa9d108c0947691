// The helpers services import. The SDK bootstrap is not among them: it is preloaded with
// `node --import @tracing-lab/shared-tracing/register`.
export { Broker, BrokerUnavailableError, PoisonMessageError, type MessageHandler, type Topology } from './messaging.js';
export { healthReport, type DependencyState } from './health.js';
export { finishServiceApp, serviceApp } from './service-app.js';
export { createHttpClient } from './http-client.js';
export { errorHandler, HttpError, notFoundHandler, parseInput, upstreamError } from './http-errors.js';
export { countFrom, type ListenAddress, listenAddressFrom, urlFrom } from './env-config.js';
export { createLogger, type Logger } from './logger.js';
export { startServer } from './server.js';
export { installShutdownHandlers, onShutdown, shutdown } from './shutdown.js';
export { currentTraceContext, linksTo, outsideAnyTrace, resumeTraceContext } from './stored-trace-context.js';
export { requestLog } from './request-log.js';
export { recordSpanError } from './span-error.js';
export { activeScenarios, faultFires, LabFaultError, SCENARIO_BAGGAGE_KEY } from './lab-scenario.js';
export { traceResponseHeader } from './trace-response.js';
export { loadTracingConfig, type TracingConfig } from './tracing-config.js';
export { annotateActiveSpan, withClientSpan, withLinkedSpan, withSpan } from './with-span.js';
export { serviceTracerProvider } from './service-tracer-provider.js';
