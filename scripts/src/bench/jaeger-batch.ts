import { type Span, tracesFromResponse } from '@tracing-lab/checker/jaeger-trace';

// Reads many traces from Jaeger's query API at once: `/api/traces?traceID=a&traceID=b...` answers
// every one it has in a single body (the ones it lacks are listed under `errors`), so following
// thousands of traces costs tens of requests, not thousands.

// Keeps the URL short (each id is 41 characters with its name) and each answer a few MB.
export const TRACES_PER_REQUEST = 50;
const REQUEST_TIMEOUT_MS = 30_000;

export type TraceReader = (traceIds: readonly string[]) => Promise<Map<string, Span[]>>;

export function jaegerTraceReader(jaegerUrl: string): TraceReader {
  return async (traceIds) => {
    const found = new Map<string, Span[]>();
    for (let i = 0; i < traceIds.length; i += TRACES_PER_REQUEST) {
      const query = new URLSearchParams(traceIds.slice(i, i + TRACES_PER_REQUEST).map((id): [string, string] => ['traceID', id]));
      const url = `${jaegerUrl}/api/traces?${query}`;
      const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`Jaeger answered ${response.status} to ${url.slice(0, 80)}…`);
      for (const [id, spans] of spansByTrace(await response.json())) found.set(id, spans);
    }
    return found;
  };
}

// Spans by trace id, read with the checker's own reading of Jaeger's answer. Jaeger's v1 API prints a
// trace id without its leading zeros, so ids are padded back to the 32 hex digits the `traceresponse`
// header carries.
export function spansByTrace(body: unknown): Map<string, Span[]> {
  const traces = new Map<string, Span[]>();
  for (const trace of tracesFromResponse(body)) {
    const id = trace.traceId.padStart(32, '0');
    traces.set(id, [...(traces.get(id) ?? []), ...trace.spans]);
  }
  return traces;
}
