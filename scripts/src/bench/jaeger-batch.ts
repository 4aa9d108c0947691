import { type BenchSpan, spansByTrace } from './jaeger-spans.js';

// Reads many traces from Jaeger's query API at once: `/api/traces?traceID=a&traceID=b...` answers
// every one it has in a single body (the ones it lacks are listed under `errors`), so following
// thousands of traces costs tens of requests, not thousands.

// Keeps the URL short (each id is 41 characters with its name) and each answer a few MB.
export const TRACES_PER_REQUEST = 50;
const REQUEST_TIMEOUT_MS = 30_000;

export type TraceReader = (traceIds: readonly string[]) => Promise<Map<string, BenchSpan[]>>;

export function jaegerTraceReader(jaegerUrl: string): TraceReader {
  return async (traceIds) => {
    const found = new Map<string, BenchSpan[]>();
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
