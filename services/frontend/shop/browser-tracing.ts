import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { DocumentLoadInstrumentation } from '@opentelemetry/instrumentation-document-load';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
import { UserInteractionInstrumentation } from '@opentelemetry/instrumentation-user-interaction';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, StackContextManager, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

// The page's OpenTelemetry web SDK: the browser's own spans (the page load, each click, each fetch),
// exported over OTLP/HTTP straight to Jaeger, and `traceparent` on the page's fetches so that the
// frontend continues the click's trace. It must start before the page adds its click listeners:
// the user-interaction instrumentation wraps the listeners added after it.

// The name the browser's spans carry in Jaeger, beside frontend, backend, database and notifier.
export const BROWSER_SERVICE = 'browser';

// The page polls here until the order's notification arrives; each poll would be a trace of its
// own, noise beside the one trace the click made (the frontend still traces the request).
const UNTRACED_URLS = [/\/api\/orders\/\d+\/notifications$/];

export function startBrowserTracing(otlpTracesUrl: string): void {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: BROWSER_SERVICE, 'service.namespace': 'tracing-lab' }),
    // Every 500 ms, as the services export, so the click's trace is whole in Jaeger about a second
    // after the notification arrived; the processor also flushes when the page is hidden.
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: otlpTracesUrl }), scheduledDelayMillis: 500 })],
  });
  trace.setGlobalTracerProvider(provider);
  // Without zone.js the active span lasts for the synchronous part of a listener: a fetch started
  // there (before any await) is the click's child.
  context.setGlobalContextManager(new StackContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  registerInstrumentations({
    instrumentations: [
      new DocumentLoadInstrumentation(),
      new UserInteractionInstrumentation({ eventNames: ['click'] }),
      // Same origin only: the page's fetches go to the frontend that served it, so no
      // propagateTraceHeaderCorsUrls is needed for traceparent to be sent.
      new FetchInstrumentation({ ignoreUrls: UNTRACED_URLS }),
    ],
  });
}

// The trace the current click belongs to, read inside its listener.
export function currentTraceId(): string | undefined {
  return trace.getActiveSpan()?.spanContext().traceId;
}
