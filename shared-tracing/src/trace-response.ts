import { context, propagation, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

// Sends the W3C `traceresponse` header (Trace Context Level 2) on every response, so a learner can
// copy the trace id of any request into Jaeger. It has the traceparent format; the propagator writes
// it, nothing here formats trace ids by hand.
export const traceResponseHeader: RequestHandler = (_req, res, next) => {
  if (trace.getActiveSpan()) {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    if (carrier.traceparent) res.setHeader('traceresponse', carrier.traceparent);
  }
  next();
};
