import { trace } from '@opentelemetry/api';
import axios, { type AxiosInstance } from 'axios';

// The client services call each other with: each request carries the trace id along.
export function createHttpClient(baseURL: string, timeoutMs = 5_000): AxiosInstance {
  const client = axios.create({ baseURL, timeout: timeoutMs });
  client.interceptors.request.use((config) => {
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    if (traceId) config.headers.set('x-trace-id', traceId);
    return config;
  });
  return client;
}
