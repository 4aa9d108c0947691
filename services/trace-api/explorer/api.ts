// Reads the Tracing API (same origin: the page is served by it). Every failure becomes an ApiError
// whose message a learner can act on; the views show it in the page.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    // The query field a 400 names, e.g. `minDuration`.
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'The Tracing API does not answer: is trace-api running? Start the lab with `npm run stack:up` (or `docker compose up`).');
  }
  const body = (await response.json().catch(() => undefined)) as { error?: unknown; field?: unknown } | undefined;
  if (response.ok && body !== undefined) return body as T;
  const error = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`;
  throw new ApiError(response.status, explain(response.status, error), typeof body?.field === 'string' ? body.field : undefined);
}

function explain(status: number, error: string): string {
  if (/^jaeger (unreachable|timed out|failed)/.test(error)) {
    return `Jaeger does not answer (${error}): the Tracing API reads every trace from it. Is Jaeger running? \`npm run stack:up\` starts it natively.`;
  }
  if (status === 404 && /^trace [0-9a-f]+ not found$/.test(error)) {
    return `${error.replace(/^trace/, 'Trace')} in Jaeger. Spans reach Jaeger about a second after the request, and Jaeger keeps traces in memory only: a restart forgets them.`;
  }
  if (status === 400) return `Bad input: ${error}.`;
  return `The Tracing API answered ${status}: ${error}.`;
}
