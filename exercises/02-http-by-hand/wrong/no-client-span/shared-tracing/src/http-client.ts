import { context, propagation } from '@opentelemetry/api';
import axios, { type AxiosInstance } from 'axios';

// The client services call each other with: each request carries the current trace context along.
export function createHttpClient(baseURL: string, timeoutMs = 5_000): AxiosInstance {
  const client = axios.create({ baseURL, timeout: timeoutMs });
  client.interceptors.request.use((config) => {
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    for (const [name, value] of Object.entries(headers)) config.headers.set(name, value);
    return config;
  });
  return client;
}
