import type { AxiosInstance } from 'axios';
import axiosRetry, { isNetworkOrIdempotentRequestError } from 'axios-retry';
import { createHttpClient } from '@tracing-lab/shared-tracing';
import type { DatabaseClientConfig } from './config.js';

// The backend's client for the database service. Reads (GET) that time out or fail on the network
// are asked again up to `readRetries` times, at once: each try is a CLIENT span of its own, so a trace
// shows every retry. Writes are never retried here: a retried POST could store an order twice.
export function createDatabaseClient(baseUrl: string, config: DatabaseClientConfig): AxiosInstance {
  const client = createHttpClient(baseUrl, config.timeoutMs);
  if (config.readRetries > 0) {
    axiosRetry(client, {
      retries: config.readRetries,
      retryDelay: () => 0,
      // Each try gets the whole timeout again, as a client retrying on timeouts does.
      shouldResetTimeout: true,
      retryCondition: (error) => error.config?.method === 'get' && (error.code === 'ECONNABORTED' || isNetworkOrIdempotentRequestError(error)),
    });
  }
  return client;
}
