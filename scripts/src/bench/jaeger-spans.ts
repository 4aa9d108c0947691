// Jaeger's query API answer (`{ data: [trace, ...] }`) flattened into the few fields the benchmark's
// completeness predicate needs: which service, what kind, what name, and which parent.

export interface BenchSpan {
  spanId: string;
  parentSpanId: string | undefined;
  service: string;
  kind: string;
  operation: string;
}

interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: { refType: string; spanID: string }[] | null;
  processID: string;
  tags?: { key: string; value: unknown }[] | null;
}

interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

// Spans by trace id. Jaeger's v1 API prints a trace id without its leading zeros, so ids are padded
// back to the 32 hex digits the `traceresponse` header carries.
export function spansByTrace(body: unknown): Map<string, BenchSpan[]> {
  const data = (body as { data?: JaegerTrace[] | null } | null)?.data ?? [];
  const traces = new Map<string, BenchSpan[]>();
  for (const trace of data) {
    const spans = trace.spans.map((span) => ({
      spanId: span.spanID.padStart(16, '0'),
      parentSpanId: span.references?.find((ref) => ref.refType === 'CHILD_OF')?.spanID.padStart(16, '0'),
      service: trace.processes[span.processID]?.serviceName ?? 'unknown',
      kind: String(span.tags?.find((tag) => tag.key === 'span.kind')?.value ?? 'internal'),
      operation: span.operationName,
    }));
    const id = trace.traceID.padStart(32, '0');
    traces.set(id, [...(traces.get(id) ?? []), ...spans]);
  }
  return traces;
}
