import {
  analyzeTrace,
  buildTraceTree,
  criticalPath,
  type JaegerKeyValue,
  type JaegerSpan,
  type JaegerTrace,
  selfTimes,
  toMs,
  type TreeSpan,
} from '@tracing-lab/trace-analysis';
import type { Waterfall, WaterfallSpan } from '../explorer/waterfall-model.js';

// GET /traces/:traceId/waterfall: one trace as the explorer draws it, in one answer. The analysis
// comes from trace-analysis; what it leaves out of its tree (events, links, resource) is read from
// Jaeger's JSON here.
export function waterfall(trace: JaegerTrace): Waterfall {
  const tree = buildTraceTree(trace);
  const self = selfTimes(tree);
  const pathPieces = new Map<string, [number, number][]>();
  for (const section of criticalPath(tree)) {
    const pieces = pathPieces.get(section.span.spanId) ?? [];
    pieces.push([toMs(section.startUs - tree.startUs), toMs(section.endUs - tree.startUs)]);
    pathPieces.set(section.span.spanId, pieces);
  }
  const raw = new Map(trace.spans.map((span) => [span.spanID, span]));
  const rows: WaterfallSpan[] = [];
  // Depth first without recursion, a generated trace may be thousands of spans deep.
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const span = stack.pop() as TreeSpan;
    const source = raw.get(span.spanId) as JaegerSpan;
    rows.push({
      spanId: span.spanId,
      parentSpanId: span.parentId ?? null,
      parentRef: span.parentRefType ?? null,
      depth: span.depth,
      service: span.service,
      operation: span.operation,
      kind: span.kind,
      start: toMs(span.startUs - tree.startUs),
      duration: toMs(span.durationUs),
      selfTime: toMs(self.bySpanId.get(span.spanId) ?? 0),
      criticalPath: pathPieces.get(span.spanId) ?? [],
      error: span.error ? (span.errorMessage ?? 'failed') : null,
      failed: span.error,
      attributes: span.attributes,
      resource: keyValues(trace.processes[source.processID]?.tags),
      events: (source.logs ?? []).map((log) => {
        const { event, ...attributes } = keyValues(log.fields);
        return { time: toMs(log.timestamp - tree.startUs), name: typeof event === 'string' ? event : 'event', attributes };
      }),
      links: (source.references ?? [])
        .filter((ref) => !(ref.spanID === span.parentId && ref.traceID === source.traceID))
        .map((ref) => ({ type: ref.refType, traceId: ref.traceID, spanId: ref.spanID })),
    });
    for (let i = span.children.length - 1; i >= 0; i--) stack.push(span.children[i] as TreeSpan);
  }
  return {
    traceId: tree.traceId,
    startTime: toMs(tree.startUs),
    duration: toMs(tree.durationUs),
    services: [...new Set(tree.spans.map((span) => span.service))],
    spans: rows,
    analysis: analyzeTrace(tree),
  };
}

function keyValues(pairs: readonly JaegerKeyValue[] | null | undefined): Record<string, unknown> {
  return Object.fromEntries((pairs ?? []).map((pair) => [pair.key, pair.value]));
}
