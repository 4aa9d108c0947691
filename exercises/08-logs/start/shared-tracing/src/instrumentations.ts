import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressLayerType } from '@opentelemetry/instrumentation-express';

// The auto-instrumentations the mesh needs, and the noisy ones switched off. Each service only loads
// the libraries it uses, so an enabled instrumentation for a library a service lacks costs nothing.
export function meshInstrumentations(): Instrumentation[] {
  return getNodeAutoInstrumentations({
    // fs, dns and net produce a span for every file read, lookup and socket: hundreds per request,
    // burying the HTTP, SQL and messaging spans a learner came to see.
    '@opentelemetry/instrumentation-fs': { enabled: false },
    '@opentelemetry/instrumentation-dns': { enabled: false },
    '@opentelemetry/instrumentation-net': { enabled: false },
    // Express 5 routes through the standalone `router` package; its instrumentation repeats every
    // route and middleware span that the express instrumentation already makes.
    '@opentelemetry/instrumentation-router': { enabled: false },
    // Runtime metrics (event-loop delay, garbage collections) make no span and the lab exports no
    // metrics, yet watching the runtime cost about a tenth of a service's throughput at saturation.
    '@opentelemetry/instrumentation-runtime-node': { enabled: false },
    // Health probes run every few seconds in Compose and would drown the traces of real requests.
    '@opentelemetry/instrumentation-http': {
      ignoreIncomingRequestHook: (request) => request.url === '/health',
      // A call made outside any request (a health probe, a retry timer) would otherwise start a
      // one-span trace of its own.
      requireParentforOutgoingSpans: true,
    },
    // One span per route handler, named after the route; the middleware before it (JSON parser,
    // request log, traceresponse header) would add a span each to every request and explain nothing.
    '@opentelemetry/instrumentation-express': { ignoreLayersType: [ExpressLayerType.MIDDLEWARE] },
    '@opentelemetry/instrumentation-pg': {
      // Only SQL run on behalf of a request or a message is traced: the schema set-up at start would
      // otherwise land in Jaeger as a heap of one-span traces with no request behind them.
      requireParentSpan: true,
    },
    '@opentelemetry/instrumentation-amqplib': {},
    // TODO (exercise 8): a log line written while a request is handled must lead to its trace:
    // every line carries the trace id of the request and the id of the span that was active when
    // it was written (trace_id, span_id), in every service. Off for now, so the lines carry neither.
    // The log records themselves stay out of the trace pipeline: this lab exports traces only.
    '@opentelemetry/instrumentation-pino': { enabled: false },
  });
}
