import { fetchJaeger, flattenTrace, JaegerClient, type JaegerTrace, type Span } from '@tracing-lab/trace-analysis';

// Reads the bench's thousands of traces from Jaeger in batches of ids (JaegerClient.traces), as spans
// by trace id.

// A batch's answer runs to a few MB: more time than one trace needs.
const REQUEST_TIMEOUT_MS = 30_000;

export type TraceReader = (traceIds: readonly string[]) => Promise<Map<string, Span[]>>;

export function jaegerTraceReader(jaegerUrl: string): TraceReader {
  const jaeger = new JaegerClient(fetchJaeger(jaegerUrl, { timeoutMs: REQUEST_TIMEOUT_MS }));
  return async (traceIds) => spansByTrace(await jaeger.traces(traceIds));
}

// Spans by trace id, the parts of a trace Jaeger answers separately joined. Jaeger's v1 API prints a
// trace id without its leading zeros, so ids are padded back to the 32 hex digits the `traceresponse`
// header carries.
export function spansByTrace(traces: JaegerTrace[]): Map<string, Span[]> {
  const byId = new Map<string, Span[]>();
  for (const trace of traces.map(flattenTrace)) {
    const id = trace.traceId.padStart(32, '0');
    byId.set(id, [...(byId.get(id) ?? []), ...trace.spans]);
  }
  return byId;
}
