import { describeFetchError, fetchWithTimeout, parseTraceResponse } from '@tracing-lab/trace-analysis';
import { type ServiceExpectation, PROBE_ORDER } from './expectations.js';
import { parseHealthBody, type HealthResult } from './health-report.js';

// The checker's own traffic into the mesh, and the services' /health. Every request carries the run's
// baggage, so its spans are tagged with it.

export class FrontendUnavailableError extends Error {
  override name = 'FrontendUnavailableError';
}

export interface SentRequest {
  what: string;
  status: number | undefined;
  error: string | undefined;
  traceId: string | undefined;
  spanId: string | undefined;
  // The sampled flag of the traceresponse header; undefined without one.
  sampled?: boolean;
  body: unknown;
  sentAtMs: number;
  answeredAtMs: number;
}

export class MeshClient {
  constructor(
    readonly frontendUrl: string,
    private readonly baggage: string,
  ) {}

  // Every service is on the frontend's host, at its own port; inside the Compose network, where the
  // frontend is reached by its service name, each service is at its own name.
  healthUrl(service: ServiceExpectation): string {
    const url = new URL(this.frontendUrl);
    if (service.name === 'frontend') return new URL('/health', url).href;
    if (url.hostname === 'frontend') url.hostname = service.name;
    url.port = String(service.port);
    return new URL('/health', url).href;
  }

  async health(service: ServiceExpectation): Promise<HealthResult> {
    const url = this.healthUrl(service);
    let response: Response;
    try {
      response = await fetchWithTimeout(url);
    } catch (error) {
      return { url, reachable: false, error: describeFetchError(error) };
    }
    const body = parseHealthBody(await response.json().catch(() => undefined));
    return { url, reachable: true, httpStatus: response.status, body };
  }

  // Throws when the frontend cannot be reached at all: then the checker cannot run.
  async assertReachable(): Promise<void> {
    try {
      await fetchWithTimeout(new URL('/health', this.frontendUrl).href);
    } catch (error) {
      throw new FrontendUnavailableError(`the frontend is unreachable at ${this.frontendUrl} (${describeFetchError(error)})`);
    }
  }

  // `traceparent`: the order comes from a caller that already made the sampling decision.
  postOrder(extraBaggage?: string, order: Record<string, number> = PROBE_ORDER, traceparent?: string): Promise<SentRequest> {
    return this.send('POST /api/orders', '/api/orders', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        baggage: [this.baggage, extraBaggage].filter(Boolean).join(','),
        ...(traceparent ? { traceparent } : {}),
      },
      body: JSON.stringify(order),
    });
  }

  getUsers(): Promise<SentRequest> {
    return this.send('GET /api/users', '/api/users', { headers: { baggage: this.baggage } });
  }

  private async send(what: string, path: string, init: RequestInit): Promise<SentRequest> {
    const sentAtMs = Date.now();
    try {
      const response = await fetchWithTimeout(new URL(path, this.frontendUrl).href, init);
      const body = await response.json().catch(() => undefined);
      const ids = parseTraceResponse(response.headers.get('traceresponse'));
      return { what, status: response.status, error: undefined, traceId: ids?.traceId, spanId: ids?.spanId, sampled: ids?.sampled, body, sentAtMs, answeredAtMs: Date.now() };
    } catch (error) {
      const answeredAtMs = Date.now();
      return { what, status: undefined, error: describeFetchError(error), traceId: undefined, spanId: undefined, body: undefined, sentAtMs, answeredAtMs };
    }
  }
}

// The id of the order the mesh created, from the 201 answer.
export function orderIdOf(request: SentRequest): number | undefined {
  const id = (request.body as { id?: unknown } | undefined)?.id;
  return request.status === 201 && typeof id === 'number' ? id : undefined;
}
