import { describeFetchError, type Fetch, fetchWithTimeout, REQUEST_TIMEOUT_MS } from './fetch-with-timeout.js';
import { JaegerUnavailableError, tracesInAnswer } from './jaeger-answer.js';
import type { JaegerTrace } from './jaeger-trace.js';

// Jaeger's HTTP query API, the one its UI reads (its v1 JSON): the services it knows, one trace by
// id, a search, a batch of traces by id. The one reader of Jaeger in the lab: the Tracing API, the
// checker, `npm run trace`, the bench and the integration tests all ask through it.

// How a client reaches Jaeger: fetch (fetchJaeger, below), or a service's own traced HTTP client.
export interface JaegerTransport {
  // For messages: where Jaeger is.
  readonly baseUrl: string;
  // The JSON body of a GET of `path`, or undefined for a 404 (Jaeger's "trace not found"); throws
  // when Jaeger cannot be asked.
  get(path: string, options?: { timeoutMs?: number }): Promise<unknown>;
}

export interface TraceSearch {
  service: string;
  sinceMs: number;
  // Now, when not given.
  untilMs?: number;
  operation?: string;
  // Jaeger's own duration filter, e.g. `500ms`.
  minDuration?: string;
  // Span, resource or event fields the trace must have, e.g. `{ 'lab.scenario': 'slow-db' }`.
  tags?: Record<string, string>;
  // 100, when not given.
  limit?: number;
}

// Keeps a batch's URL short (each id is 41 characters with its name) and each answer a few MB.
export const TRACES_PER_REQUEST = 50;
// A health check wants a quick answer: a Jaeger that takes longer counts as unreachable.
const REACHABLE_WITHIN_MS = 2_000;

export class JaegerClient {
  constructor(private readonly http: JaegerTransport) {}

  async services(): Promise<string[]> {
    const body = (await this.http.get('/api/services')) as { data?: unknown } | undefined;
    if (!body || (body.data !== null && !Array.isArray(body.data))) {
      throw new JaegerUnavailableError(`${this.http.baseUrl}/api/services did not answer like Jaeger's query API`);
    }
    return (body.data as string[] | null) ?? [];
  }

  // The trace, or undefined while Jaeger does not have it.
  async trace(traceId: string): Promise<JaegerTrace | undefined> {
    return (await this.tracesAt(`/api/traces/${traceId}`))[0];
  }

  // Traces of one service that started in the time range, newest first.
  async search(query: TraceSearch): Promise<JaegerTrace[]> {
    const params = new URLSearchParams({
      service: query.service,
      start: String(Math.floor(query.sinceMs * 1000)),
      end: String(Math.ceil((query.untilMs ?? Date.now()) * 1000)),
      limit: String(query.limit ?? 100),
    });
    if (query.operation) params.set('operation', query.operation);
    if (query.minDuration) params.set('minDuration', query.minDuration);
    if (query.tags && Object.keys(query.tags).length > 0) params.set('tags', JSON.stringify(query.tags));
    return this.tracesAt(`/api/traces?${params}`);
  }

  // Many traces by id: `/api/traces?traceID=a&traceID=b…` answers every one Jaeger has in a single
  // body (the ones it lacks are listed under `errors`), so following thousands of traces costs tens
  // of requests, not thousands. A trace may come back in parts, each part a trace of its own.
  async traces(traceIds: readonly string[]): Promise<JaegerTrace[]> {
    const found: JaegerTrace[] = [];
    for (let i = 0; i < traceIds.length; i += TRACES_PER_REQUEST) {
      const query = new URLSearchParams(traceIds.slice(i, i + TRACES_PER_REQUEST).map((id): [string, string] => ['traceID', id]));
      found.push(...(await this.tracesAt(`/api/traces?${query}`)));
    }
    return found;
  }

  // For a health check: whether Jaeger answers at all, and quickly.
  async reachable(): Promise<boolean> {
    try {
      await this.http.get('/api/services', { timeoutMs: REACHABLE_WITHIN_MS });
      return true;
    } catch {
      return false;
    }
  }

  private async tracesAt(path: string): Promise<JaegerTrace[]> {
    const body = await this.http.get(path);
    return body === undefined ? [] : tracesInAnswer(body, shortUrl(`${this.http.baseUrl}${path}`));
  }
}

// Jaeger over fetch, each request with a time limit.
export function fetchJaeger(baseUrl: string, { fetch: fetchFn = fetch, timeoutMs = REQUEST_TIMEOUT_MS }: { fetch?: Fetch; timeoutMs?: number } = {}): JaegerTransport {
  return {
    baseUrl,
    async get(path, options = {}) {
      const url = `${baseUrl}${path}`;
      const limitMs = options.timeoutMs ?? timeoutMs;
      let response: Response;
      try {
        response = await fetchWithTimeout(url, {}, limitMs, fetchFn);
      } catch (error) {
        throw new JaegerUnavailableError(`Jaeger is unreachable at ${baseUrl} (${describeFetchError(error, limitMs)})`);
      }
      if (response.status === 404) return undefined;
      if (!response.ok) throw new JaegerUnavailableError(`Jaeger answered ${shortUrl(url)} with HTTP ${response.status}`);
      try {
        return await response.json();
      } catch {
        throw new JaegerUnavailableError(`Jaeger answered ${shortUrl(url)} with something that is not JSON`);
      }
    },
  };
}

// A batch's URL runs to kilobytes; a message shows its start.
function shortUrl(url: string): string {
  return url.length > 120 ? `${url.slice(0, 119)}…` : url;
}
