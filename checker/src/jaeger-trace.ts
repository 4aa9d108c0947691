// A trace as Jaeger's HTTP query API returns it (/api/traces/<id>, /api/traces?service=..), flattened
// into spans that name their service, kind, parent, links, events and resource, so the predicates
// never deal with Jaeger's process table or tag lists.

export interface SpanReference {
  type: string; // CHILD_OF (the parent) or FOLLOWS_FROM (a span link)
  traceId: string;
  spanId: string;
}

export interface SpanEvent {
  name: string;
  fields: Record<string, unknown>;
}

export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  service: string;
  operation: string;
  kind: string;
  tags: Record<string, unknown>;
  events: SpanEvent[];
  references: SpanReference[];
  resource: Record<string, unknown>;
  warnings: string[];
  startMicros: number;
  durationMicros: number;
}

export interface Trace {
  traceId: string;
  spans: Span[];
}

interface JaegerKeyValue {
  key: string;
  value: unknown;
}

interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: { refType: string; traceID: string; spanID: string }[] | null;
  startTime: number;
  duration: number;
  tags?: JaegerKeyValue[] | null;
  logs?: { fields?: JaegerKeyValue[] | null }[] | null;
  processID: string;
  warnings?: string[] | null;
}

interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags?: JaegerKeyValue[] | null }>;
}

// The traces in a query API answer: `{ data: [trace, ...] }`, or `{ data: null }` when none matched.
export function tracesFromResponse(body: unknown): Trace[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new Error('Jaeger answered without a data list');
  return (data as JaegerTrace[]).map(toTrace);
}

function toTrace(raw: JaegerTrace): Trace {
  const spans = raw.spans.map((span): Span => {
    const process = raw.processes[span.processID];
    const tags = keyValues(span.tags);
    const references = (span.references ?? []).map((ref) => ({ type: ref.refType, traceId: ref.traceID, spanId: ref.spanID }));
    return {
      traceId: span.traceID,
      spanId: span.spanID,
      parentSpanId: references.find((ref) => ref.type === 'CHILD_OF')?.spanId,
      service: process?.serviceName ?? 'unknown',
      operation: span.operationName,
      kind: typeof tags['span.kind'] === 'string' ? tags['span.kind'] : 'internal',
      tags,
      events: (span.logs ?? []).map((log) => {
        const { event, ...fields } = keyValues(log.fields);
        return { name: String(event ?? ''), fields };
      }),
      references,
      resource: keyValues(process?.tags),
      warnings: span.warnings ?? [],
      startMicros: span.startTime,
      durationMicros: span.duration,
    };
  });
  return { traceId: raw.traceID, spans };
}

function keyValues(list: JaegerKeyValue[] | null | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, kv.value]));
}
