import type { JaegerSpan, JaegerTrace } from './jaeger-trace.js';

// One span of a trace, with its service resolved and its place in the tree known. Times stay in
// microseconds, as Jaeger gives them; only the answers the API returns are in milliseconds.
export interface TreeSpan {
  spanId: string;
  // Undefined for a root, and for a span whose parent is not in the trace (not exported, or lost).
  parentId: string | undefined;
  // FOLLOWS_FROM marks a parent that does not wait for the child; OpenTelemetry parents are CHILD_OF.
  parentRefType: 'CHILD_OF' | 'FOLLOWS_FROM' | undefined;
  // True when the span names a parent the trace does not hold (not exported, lost, or not yet
  // arrived): a root only for now, where a span with no parent at all began its trace.
  parentMissing?: boolean;
  service: string;
  operation: string;
  kind: string;
  startUs: number;
  durationUs: number;
  endUs: number;
  depth: number;
  children: TreeSpan[];
  attributes: Record<string, unknown>;
  error: boolean;
  errorMessage: string | undefined;
}

export interface TraceTree {
  traceId: string;
  // Sorted by start time.
  spans: TreeSpan[];
  byId: Map<string, TreeSpan>;
  roots: TreeSpan[];
  startUs: number;
  endUs: number;
  // Jaeger's trace duration: first span start to last span end, asynchronous work included.
  durationUs: number;
}

export class EmptyTraceError extends Error {
  constructor(traceId: string) {
    super(`trace ${traceId} has no spans`);
    this.name = 'EmptyTraceError';
  }
}

export function buildTraceTree(trace: JaegerTrace): TraceTree {
  if (trace.spans.length === 0) throw new EmptyTraceError(trace.traceID);
  const spans = trace.spans.map((raw) => toTreeSpan(raw, trace)).sort((a, b) => a.startUs - b.startUs);
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  for (const span of spans) {
    const parent = span.parentId === undefined ? undefined : byId.get(span.parentId);
    if (parent) parent.children.push(span);
    else {
      if (span.parentId !== undefined) span.parentMissing = true;
      span.parentId = undefined;
      span.parentRefType = undefined;
    }
  }
  const roots = assignDepths(spans);
  let startUs = Infinity;
  let endUs = -Infinity;
  for (const span of spans) {
    startUs = Math.min(startUs, span.startUs);
    endUs = Math.max(endUs, span.endUs);
  }
  return { traceId: trace.traceID, spans, byId, roots, startUs, endUs, durationUs: endUs - startUs };
}

// Breadth first and without recursion: a generated trace may be thousands of spans deep. Spans the
// roots do not reach sit on a parent cycle (a broken trace): the earliest of them becomes a root.
function assignDepths(spans: TreeSpan[]): TreeSpan[] {
  const roots = spans.filter((span) => span.parentId === undefined);
  const reached = new Set<TreeSpan>();
  const queue = [...roots];
  for (let i = 0; reached.size < spans.length; i++) {
    if (i === queue.length) {
      const stranded = spans.find((candidate) => !reached.has(candidate)) as TreeSpan;
      const parent = spans.find((candidate) => candidate.spanId === stranded.parentId);
      if (parent) parent.children = parent.children.filter((child) => child !== stranded);
      stranded.parentId = undefined;
      stranded.parentRefType = undefined;
      stranded.depth = 0;
      roots.push(stranded);
      queue.push(stranded);
    }
    const span = queue[i] as TreeSpan;
    reached.add(span);
    for (const child of span.children) {
      child.depth = span.depth + 1;
      queue.push(child);
    }
  }
  return roots;
}

function toTreeSpan(raw: JaegerSpan, trace: JaegerTrace): TreeSpan {
  const attributes: Record<string, unknown> = {};
  for (const tag of raw.tags ?? []) attributes[tag.key] = tag.value;
  const parentRef =
    raw.references?.find((ref) => ref.refType === 'CHILD_OF' && ref.traceID === raw.traceID) ??
    raw.references?.find((ref) => ref.traceID === raw.traceID);
  const error = attributes.error === true || attributes.error === 'true' || attributes['otel.status_code'] === 'ERROR';
  return {
    spanId: raw.spanID,
    parentId: parentRef?.spanID,
    parentRefType: parentRef ? (parentRef.refType === 'FOLLOWS_FROM' ? 'FOLLOWS_FROM' : 'CHILD_OF') : undefined,
    service: trace.processes[raw.processID]?.serviceName ?? 'unknown',
    operation: raw.operationName,
    kind: typeof attributes['span.kind'] === 'string' ? attributes['span.kind'] : 'internal',
    startUs: raw.startTime,
    durationUs: raw.duration,
    endUs: raw.startTime + raw.duration,
    depth: 0,
    children: [],
    attributes,
    error,
    errorMessage: error ? errorMessageOf(raw, attributes) : undefined,
  };
}

// The status description says why the span failed; an `exception` event says it when the status
// has no description.
function errorMessageOf(raw: JaegerSpan, attributes: Record<string, unknown>): string | undefined {
  if (typeof attributes['otel.status_description'] === 'string') return attributes['otel.status_description'];
  for (const log of raw.logs ?? []) {
    const message = log.fields.find((field) => field.key === 'exception.message')?.value;
    if (typeof message === 'string') return message;
  }
  return undefined;
}

// `service:operation`, how every answer names a span.
export function spanLabel(span: TreeSpan): string {
  return `${span.service}:${span.operation}`;
}
