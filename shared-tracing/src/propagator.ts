import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';

// W3C Trace Context (traceparent, tracestate) and W3C Baggage (baggage) only: the headers every
// OpenTelemetry SDK and Jaeger understand, and no vendor formats a learner would have to unlearn.
export function w3cPropagator(): CompositePropagator {
  return new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
  });
}
