import { waitFor } from '@tracing-lab/checker/poll';

// Reads traces back the way a learner's tools do: through Jaeger's HTTP query API (the one its UI
// uses), flattened into spans that name their service, kind and parent.

export const JAEGER_QUERY = 'http://127.0.0.1:16686';

export interface TraceSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  service: string;
  operation: string;
  kind: string;
  durationMicros: number;
  attributes: Record<string, unknown>;
  // Span events (Jaeger calls them logs), each with its attributes; an error is an `exception` event.
  events: { name: string; attributes: Record<string, unknown> }[];
}

interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: { refType: string; spanID: string }[];
  processID: string;
  duration: number;
  tags: { key: string; value: unknown }[];
  logs?: { fields: { key: string; value: unknown }[] }[];
}

interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

// The trace's spans, or undefined while Jaeger does not have it.
export async function readTrace(traceId: string): Promise<TraceSpan[] | undefined> {
  const response = await fetch(`${JAEGER_QUERY}/api/traces/${traceId}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`Jaeger answered ${response.status} for trace ${traceId}`);
  const body = (await response.json()) as { data: JaegerTrace[] | null };
  const found = body.data?.[0];
  return found ? flatten(found) : undefined;
}

// Traces of one service that started after `sinceMs`, newest first.
export async function searchTraces(service: string, sinceMs: number, operation?: string): Promise<TraceSpan[][]> {
  const query = new URLSearchParams({ service, start: String(sinceMs * 1000), end: String(Date.now() * 1000), limit: '100' });
  if (operation) query.set('operation', operation);
  const response = await fetch(`${JAEGER_QUERY}/api/traces?${query}`);
  if (!response.ok) throw new Error(`Jaeger search answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { data: JaegerTrace[] | null };
  return (body.data ?? []).map(flatten);
}

// Polls until the trace satisfies `complete`: spans of one trace arrive from several services, each
// exporting on its own schedule, so "found" is not yet "whole".
export function waitForTrace(
  traceId: string,
  complete: (spans: TraceSpan[]) => boolean,
  timeoutMs = 30_000,
): Promise<TraceSpan[]> {
  let seen = 'not in Jaeger';
  return waitFor(
    `trace ${traceId} to be complete in Jaeger`,
    async () => {
      const spans = await readTrace(traceId);
      if (!spans) return undefined;
      seen = describe(spans);
      if (complete(spans)) return spans;
      throw new Error(`incomplete so far: ${seen}`);
    },
    { timeoutMs, intervalMs: 300 },
  );
}

export function servicesOf(spans: TraceSpan[]): string[] {
  return [...new Set(spans.map((s) => s.service))].sort();
}

// Every parent/child edge that crosses from one service to another, as `parent(kind) -> child(kind)`.
export function crossServiceEdges(spans: TraceSpan[]): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const edges = new Set<string>();
  for (const child of spans) {
    const parent = child.parentSpanId ? byId.get(child.parentSpanId) : undefined;
    if (parent && parent.service !== child.service) {
      edges.add(`${parent.service}(${parent.kind}) -> ${child.service}(${child.kind})`);
    }
  }
  return [...edges].sort();
}

export function rootsOf(spans: TraceSpan[]): TraceSpan[] {
  const ids = new Set(spans.map((s) => s.spanId));
  return spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
}

export function describe(spans: TraceSpan[]): string {
  return spans.map((s) => `${s.service}:${s.kind}:${s.operation}`).sort().join(', ');
}

function flatten(found: JaegerTrace): TraceSpan[] {
  return found.spans.map((span) => {
    const attributes = Object.fromEntries(span.tags.map((tag) => [tag.key, tag.value]));
    return {
      traceId: span.traceID,
      spanId: span.spanID,
      parentSpanId: span.references?.find((ref) => ref.refType === 'CHILD_OF')?.spanID,
      service: found.processes[span.processID]?.serviceName ?? 'unknown',
      operation: span.operationName,
      kind: String(attributes['span.kind'] ?? 'internal'),
      durationMicros: span.duration,
      attributes,
      events: (span.logs ?? []).map((log) => {
        const fields = Object.fromEntries(log.fields.map((field) => [field.key, field.value]));
        return { name: String(fields.event ?? ''), attributes: fields };
      }),
    };
  });
}
