import { toMs } from './milliseconds.js';
import { serviceEntrySpans } from './service-calls.js';
import type { TraceTree, TreeSpan } from './trace-tree.js';

// GET /traces/:traceId, in the shape the API sketch gives: the root span, the other spans, durations
// in ms and start times in ms since the epoch.
export interface SpanSummary {
  spanId: string;
  parentSpanId?: string;
  serviceName: string;
  operationName: string;
  startTime: number;
  duration: number;
  status: 'success' | 'error';
  tags: Record<string, unknown>;
}

export interface TraceSummary {
  traceId: string;
  rootSpan: SpanSummary;
  spans: SpanSummary[];
  serviceCalls: number;
  duration: number;
  // `failed` when any span of the trace has an error status.
  status: 'completed' | 'failed';
}

export function summarizeSpan(span: TreeSpan): SpanSummary {
  return {
    spanId: span.spanId,
    ...(span.parentId === undefined ? {} : { parentSpanId: span.parentId }),
    serviceName: span.service,
    operationName: span.operation,
    startTime: toMs(span.startUs),
    duration: toMs(span.durationUs),
    status: span.error ? 'error' : 'success',
    tags: span.attributes,
  };
}

export function traceStatus(tree: TraceTree): TraceSummary['status'] {
  return tree.spans.some((span) => span.error) ? 'failed' : 'completed';
}

export function summarizeTrace(tree: TraceTree): TraceSummary {
  const root = tree.roots[0] as TreeSpan;
  return {
    traceId: tree.traceId,
    rootSpan: summarizeSpan(root),
    spans: tree.spans.filter((span) => span !== root).map(summarizeSpan),
    serviceCalls: serviceEntrySpans(tree).length,
    duration: toMs(tree.durationUs),
    status: traceStatus(tree),
  };
}

// One line per trace, for search results.
export interface TraceListing {
  traceId: string;
  rootService: string;
  rootOperation: string;
  startTime: number;
  duration: number;
  spanCount: number;
  serviceCalls: number;
  status: TraceSummary['status'];
}

export function listTrace(tree: TraceTree): TraceListing {
  const root = tree.roots[0] as TreeSpan;
  return {
    traceId: tree.traceId,
    rootService: root.service,
    rootOperation: root.operation,
    startTime: toMs(tree.startUs),
    duration: toMs(tree.durationUs),
    spanCount: tree.spans.length,
    serviceCalls: serviceEntrySpans(tree).length,
    status: traceStatus(tree),
  };
}
