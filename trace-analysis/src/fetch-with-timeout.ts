// The HTTP calls the lab's tools make, to Jaeger or into the mesh: each with a time limit, and a
// failure described in the few words a user recognises ("connection refused"), not a stack trace.

export const REQUEST_TIMEOUT_MS = 10_000;

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export function fetchWithTimeout(url: string, init: RequestInit = {}, timeoutMs = REQUEST_TIMEOUT_MS, fetchFn: Fetch = fetch): Promise<Response> {
  return fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

export function describeFetchError(error: unknown, timeoutMs = REQUEST_TIMEOUT_MS): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code) return code;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000}s`;
  }
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
