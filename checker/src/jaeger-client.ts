import { describeFetchError, fetchWithTimeout } from './http-get.js';
import { type Trace, tracesFromResponse } from './jaeger-trace.js';

// Jaeger's HTTP query API, the one its UI uses: the services it knows, one trace by id, a search.

export class JaegerUnavailableError extends Error {
  override name = 'JaegerUnavailableError';
}

export interface TraceSearch {
  service: string;
  sinceMs: number;
  untilMs?: number;
  operation?: string;
  tags?: Record<string, string>;
  limit?: number;
}

export class JaegerClient {
  constructor(readonly baseUrl: string) {}

  async services(): Promise<string[]> {
    const body = (await this.getJson('/api/services')) as { data?: unknown } | undefined;
    if (!body || (body.data !== null && !Array.isArray(body.data))) {
      throw new JaegerUnavailableError(`${this.baseUrl}/api/services did not answer like Jaeger's query API`);
    }
    return (body.data as string[] | null) ?? [];
  }

  // The trace, or undefined while Jaeger does not have it.
  async trace(traceId: string): Promise<Trace | undefined> {
    const body = await this.getJson(`/api/traces/${traceId}`);
    return body === undefined ? undefined : tracesFromResponse(body)[0];
  }

  async search(query: TraceSearch): Promise<Trace[]> {
    const params = new URLSearchParams({
      service: query.service,
      start: String(Math.floor(query.sinceMs * 1000)),
      end: String(Math.ceil((query.untilMs ?? Date.now()) * 1000)),
      limit: String(query.limit ?? 100),
    });
    if (query.operation) params.set('operation', query.operation);
    if (query.tags) params.set('tags', JSON.stringify(query.tags));
    const body = await this.getJson(`/api/traces?${params}`);
    return body === undefined ? [] : tracesFromResponse(body);
  }

  // The JSON body, or undefined for a 404 (Jaeger's "trace not found").
  private async getJson(path: string): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetchWithTimeout(url);
    } catch (error) {
      throw new JaegerUnavailableError(`Jaeger is unreachable at ${this.baseUrl} (${describeFetchError(error)})`);
    }
    if (response.status === 404) return undefined;
    if (!response.ok) throw new JaegerUnavailableError(`Jaeger answered ${url} with ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new JaegerUnavailableError(`Jaeger answered ${url} with something that is not JSON`);
    }
  }
}
