import type { JaegerTrace } from '@tracing-lab/trace-analysis';

// A trace in Jaeger's shape (generateTrace's) as the OTLP/HTTP JSON export requests an SDK sends to
// Jaeger's /v1/traces: one resource per service, ids in hex, times in ns. It gets a trace id of its
// own and starts at `startMs`, so each run's trace is a new, recent one; `batchSize` spans per request
// keep each body small, as a batch span processor would.

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
}

export interface OtlpExportRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue: string } }[] };
    scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[];
  }[];
}

// OTLP's SPAN_KIND_INTERNAL: the generated spans are work inside a service.
const INTERNAL = 1;
const SCOPE = 'tracing-lab-bench';

export function otlpExportRequests(trace: JaegerTrace, traceId: string, startMs: number, batchSize: number): OtlpExportRequest[] {
  const firstUs = Math.min(...trace.spans.map((span) => span.startTime));
  const ns = (us: number) => (BigInt(startMs) * 1_000_000n + BigInt(us - firstUs) * 1_000n).toString();
  const requests: OtlpExportRequest[] = [];
  for (let from = 0; from < trace.spans.length; from += batchSize) {
    const byService = new Map<string, OtlpSpan[]>();
    for (const span of trace.spans.slice(from, from + batchSize)) {
      const service = trace.processes[span.processID]?.serviceName ?? 'unknown';
      const parent = span.references?.find((reference) => reference.refType === 'CHILD_OF')?.spanID;
      const spans = byService.get(service) ?? [];
      spans.push({
        traceId,
        spanId: span.spanID,
        ...(parent ? { parentSpanId: parent } : {}),
        name: span.operationName,
        kind: INTERNAL,
        startTimeUnixNano: ns(span.startTime),
        endTimeUnixNano: ns(span.startTime + span.duration),
      });
      byService.set(service, spans);
    }
    requests.push({
      resourceSpans: [...byService].map(([service, spans]) => ({
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [{ scope: { name: SCOPE }, spans }],
      })),
    });
  }
  return requests;
}
