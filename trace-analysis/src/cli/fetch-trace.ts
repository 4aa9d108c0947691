import type { Fetch } from '../fetch-with-timeout.js';
import { fetchJaeger, JaegerClient } from '../jaeger-client.js';
import type { JaegerTrace } from '../jaeger-trace.js';

// The CLI's one trace from Jaeger, or why there is none to show.

// Jaeger answered, without this trace: never recorded, not exported yet, or evicted from its memory.
export class TraceNotFoundError extends Error {
  override name = 'TraceNotFoundError';
}

export async function fetchTrace(jaegerUrl: string, traceId: string, fetchFn: Fetch = fetch): Promise<JaegerTrace> {
  const trace = await new JaegerClient(fetchJaeger(jaegerUrl, { fetch: fetchFn })).trace(traceId);
  if (!trace || trace.spans.length === 0) {
    throw new TraceNotFoundError(`trace ${traceId} is not in Jaeger at ${jaegerUrl} (spans arrive about a second after the request)`);
  }
  return trace;
}
