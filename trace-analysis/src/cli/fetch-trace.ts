import type { JaegerTrace } from '../jaeger-trace.js';

// One trace from Jaeger's HTTP query API (`GET /api/traces/<id>`, the v1 JSON its UI reads).

export const REQUEST_TIMEOUT_MS = 10_000;

// Jaeger did not answer, or not like Jaeger: the CLI cannot run.
export class JaegerUnavailableError extends Error {
  override name = 'JaegerUnavailableError';
}

// Jaeger answered, without this trace: never recorded, not exported yet, or evicted from its memory.
export class TraceNotFoundError extends Error {
  override name = 'TraceNotFoundError';
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export async function fetchTrace(jaegerUrl: string, traceId: string, fetchFn: Fetch = fetch): Promise<JaegerTrace> {
  const url = `${jaegerUrl}/api/traces/${traceId}`;
  let response: Response;
  try {
    response = await fetchFn(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new JaegerUnavailableError(`Jaeger is unreachable at ${jaegerUrl} (${describeFetchError(error)})`);
  }
  if (response.status === 404) throw notFound(traceId, jaegerUrl);
  if (!response.ok) throw new JaegerUnavailableError(`Jaeger answered ${url} with HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new JaegerUnavailableError(`Jaeger answered ${url} with something that is not JSON`);
  }
  const data = (body as { data?: unknown } | null)?.data;
  if (data !== null && !Array.isArray(data)) throw new JaegerUnavailableError(`${url} did not answer like Jaeger's query API`);
  const trace = (data ?? []).find(isTrace);
  if (!trace || trace.spans.length === 0) throw notFound(traceId, jaegerUrl);
  return trace;
}

function notFound(traceId: string, jaegerUrl: string): TraceNotFoundError {
  return new TraceNotFoundError(`trace ${traceId} is not in Jaeger at ${jaegerUrl} (spans arrive about a second after the request)`);
}

function isTrace(value: unknown): value is JaegerTrace {
  const trace = value as Partial<JaegerTrace> | null;
  return typeof trace === 'object' && trace !== null && Array.isArray(trace.spans) && typeof trace.processes === 'object' && trace.processes !== null;
}

// A failed request in the few words a user recognises ("connection refused"), not a stack trace.
function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'host not found';
  if (typeof cause?.code === 'string') return cause.code;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${REQUEST_TIMEOUT_MS / 1000}s`;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
