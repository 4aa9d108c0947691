import type { TraceAnalysis } from '@tracing-lab/trace-analysis';

// What the explorer draws of one trace, as `GET /traces/:traceId/waterfall` answers it. Times are ms;
// `start` and every `criticalPath` piece count from the trace's first span.
export interface Waterfall {
  traceId: string;
  // ms since the epoch.
  startTime: number;
  duration: number;
  // In the order they first appear in the trace.
  services: string[];
  // Tree order: each span is followed by its children, in start order.
  spans: WaterfallSpan[];
  // The same as `GET /traces/:traceId/analyze`: bottlenecks, self time per service, critical path,
  // error root cause.
  analysis: TraceAnalysis;
}

export interface WaterfallSpan {
  spanId: string;
  parentSpanId: string | null;
  // FOLLOWS_FROM: the parent did not wait for this span.
  parentRef: 'CHILD_OF' | 'FOLLOWS_FROM' | null;
  depth: number;
  service: string;
  operation: string;
  kind: string;
  start: number;
  duration: number;
  selfTime: number;
  // The pieces of the span the request waited on, as [start, end]; empty when it is off the path.
  criticalPath: [number, number][];
  // Why the span failed (its status description or exception message); null when it did not.
  error: string | null;
  failed: boolean;
  attributes: Record<string, unknown>;
  // The process's tags in Jaeger: the OpenTelemetry resource (service.version, host.name, …).
  resource: Record<string, unknown>;
  // Jaeger calls span events logs; `time` is ms from the trace's start.
  events: { time: number; name: string; attributes: Record<string, unknown> }[];
  // The span's references other than its parent: OpenTelemetry links, or a parent missing from the trace.
  links: { type: string; traceId: string; spanId: string }[];
}
