import type { AxiosInstance } from 'axios';
import { HttpError, upstreamError } from '@tracing-lab/shared-tracing';
import type { JaegerTrace } from '@tracing-lab/trace-analysis';

// Jaeger's HTTP query API, the one its UI reads: `/api/traces/<id>`, `/api/traces?service=…`,
// `/api/services`. Every answer of the Tracing API about traces comes from here.
export interface TraceSearch {
  service: string;
  operation?: string;
  // Jaeger's own duration filter, e.g. `500ms`.
  minDuration?: string;
  // Span, resource or event fields the trace must have, e.g. `{ 'lab.scenario': 'slow-db' }`.
  tags?: Record<string, string>;
  limit: number;
  lookbackMinutes: number;
}

// Jaeger lists itself among the services when it traces its own query API.
const NOT_MESH_SERVICES = new Set(['jaeger', 'jaeger-all-in-one']);

export class JaegerQuery {
  constructor(private readonly http: AxiosInstance) {}

  async trace(traceId: string): Promise<JaegerTrace | undefined> {
    try {
      const { data } = await this.http.get<{ data: JaegerTrace[] | null }>(`/api/traces/${traceId}`);
      return data.data?.[0];
    } catch (error) {
      const notFound = upstreamError('jaeger', error);
      if (notFound instanceof HttpError && notFound.status === 404) return undefined;
      throw notFound;
    }
  }

  async search(search: TraceSearch): Promise<JaegerTrace[]> {
    const end = Date.now() * 1000;
    const params: Record<string, string> = {
      service: search.service,
      limit: String(search.limit),
      start: String(end - search.lookbackMinutes * 60_000_000),
      end: String(end),
    };
    if (search.operation) params.operation = search.operation;
    if (search.minDuration) params.minDuration = search.minDuration;
    if (search.tags && Object.keys(search.tags).length > 0) params.tags = JSON.stringify(search.tags);
    try {
      const { data } = await this.http.get<{ data: JaegerTrace[] | null }>('/api/traces', { params });
      return data.data ?? [];
    } catch (error) {
      throw upstreamError('jaeger', error);
    }
  }

  async services(): Promise<string[]> {
    try {
      const { data } = await this.http.get<{ data: string[] | null }>('/api/services');
      return (data.data ?? []).filter((service) => !NOT_MESH_SERVICES.has(service)).sort();
    } catch (error) {
      throw upstreamError('jaeger', error);
    }
  }

  // For /health: can the API reach Jaeger at all.
  async reachable(): Promise<boolean> {
    try {
      await this.http.get('/api/services', { timeout: 2_000 });
      return true;
    } catch {
      return false;
    }
  }
}
