import axios, { type AxiosInstance } from 'axios';

// The client services call each other with. The http instrumentation wraps every request in a CLIENT
// span and injects traceparent, tracestate and baggage, so no service touches a trace header.
export function createHttpClient(baseURL: string, timeoutMs = 5_000): AxiosInstance {
  return axios.create({ baseURL, timeout: timeoutMs });
}
