import type { AxiosInstance } from 'axios';
import { HttpError, upstreamError } from '@tracing-lab/shared-tracing';
import { JaegerClient, type JaegerTransport } from '@tracing-lab/trace-analysis';

// Every answer of the Tracing API about traces comes from Jaeger, read with the lab's one Jaeger
// client (trace-analysis) over the service's own traced HTTP client: each read is a client span of
// the request that asked, and a failure is the 502 or 504 that names Jaeger, as for any dependency.
export function jaegerQuery(http: AxiosInstance): JaegerClient {
  return new JaegerClient(overHttpClient(http));
}

function overHttpClient(http: AxiosInstance): JaegerTransport {
  return {
    baseUrl: http.defaults.baseURL ?? '',
    async get(path, { timeoutMs } = {}) {
      try {
        const { data } = await http.get<unknown>(path, timeoutMs === undefined ? {} : { timeout: timeoutMs });
        return data;
      } catch (error) {
        const failure = upstreamError('jaeger', error);
        if (failure instanceof HttpError && failure.status === 404) return undefined;
        throw failure;
      }
    },
  };
}

// Jaeger lists itself among the services when it traces its own query API.
const NOT_MESH_SERVICES = new Set(['jaeger', 'jaeger-all-in-one']);

// The mesh's services that Jaeger knows, sorted.
export async function meshServices(jaeger: JaegerClient): Promise<string[]> {
  return (await jaeger.services()).filter((service) => !NOT_MESH_SERVICES.has(service)).sort();
}
