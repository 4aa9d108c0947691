// The span model lives in trace-analysis, with the one Jaeger client. This path stays because the
// graded tasks (tasks/*.ts, whose files the exercises pin) import the model from here.
export type { Span, SpanEvent, SpanReference, Trace } from '@tracing-lab/trace-analysis';
