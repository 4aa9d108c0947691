import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import axios, { type AxiosInstance, type InternalAxiosRequestConfig, isAxiosError } from 'axios';

// The client services call each other with. Outgoing HTTP is not instrumented (exercise 2), so this
// client makes each request a CLIENT span and sends that span's context with it, as traceparent,
// tracestate and baggage headers written by the SDK's propagator.

const tracer = trace.getTracer('@tracing-lab/shared-tracing');
const spans = new WeakMap<InternalAxiosRequestConfig, Span>();

export function createHttpClient(baseURL: string, timeoutMs = 5_000): AxiosInstance {
  const client = axios.create({ baseURL, timeout: timeoutMs });
  client.interceptors.request.use((config) => {
    const method = (config.method ?? 'get').toUpperCase();
    const url = new URL(client.getUri(config));
    const span = tracer.startSpan(method, {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': method,
        'url.full': url.href,
        'server.address': url.hostname,
        'server.port': Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
      },
    });
    const headers: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), headers);
    for (const [name, value] of Object.entries(headers)) config.headers.set(name, value);
    spans.set(config, span);
    return config;
  });
  client.interceptors.response.use(
    (response) => {
      finish(response.config, response.status);
      return response;
    },
    (error: unknown) => {
      if (isAxiosError(error) && error.config) finish(error.config, error.response?.status, error);
      throw error;
    },
  );
  return client;
}

// A 4xx or 5xx answer, or none at all, is a failed call for the caller.
function finish(config: InternalAxiosRequestConfig, status: number | undefined, error?: Error): void {
  const span = spans.get(config);
  if (!span) return;
  if (status !== undefined) span.setAttribute('http.response.status_code', status);
  if (status === undefined || status >= 400) {
    span.setAttribute('error.type', status === undefined ? ((error as { code?: string } | undefined)?.code ?? 'Error') : String(status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}
