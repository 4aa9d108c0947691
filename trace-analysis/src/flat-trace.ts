import { tracesInAnswer } from './jaeger-answer.js';
import type { JaegerKeyValue, JaegerTrace } from './jaeger-trace.js';

// A trace of Jaeger's query API flattened into spans that name their service, kind, parent, links,
// events and resource, so a predicate over it never deals with Jaeger's process table or tag lists:
// the span model the checker, the bench and the integration tests read traces with.

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

// The traces in a recorded answer of /api/traces: `{ data: [trace, ...] }`, or `{ data: null }`.
export function tracesFromResponse(body: unknown): Trace[] {
  return tracesInAnswer(body).map(flattenTrace);
}

export function flattenTrace(raw: JaegerTrace): Trace {
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
