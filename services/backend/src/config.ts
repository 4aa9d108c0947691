import { countFrom, type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/service-kit';

export interface BackendConfig {
  listen: ListenAddress;
  databaseServiceUrl: string;
  database: DatabaseClientConfig;
  orderList: OrderListStrategy;
}

// How the backend calls the database service: how long it waits for an answer, and how many times it
// asks again when a read gets none. The defaults are the healthy mesh's.
export interface DatabaseClientConfig {
  timeoutMs: number;
  readRetries: number;
}

// How the order list is read: in one query, or one order at a time after the list of ids.
export type OrderListStrategy = 'single-query' | 'per-item';
const ORDER_LIST_STRATEGIES: readonly OrderListStrategy[] = ['single-query', 'per-item'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BackendConfig {
  return {
    listen: listenAddressFrom(env, 8081),
    databaseServiceUrl: urlFrom(env, 'DATABASE_SERVICE_URL', ['http', 'https']),
    database: {
      timeoutMs: countFrom(env, 'DATABASE_TIMEOUT_MS', 5_000, 1, 600_000),
      readRetries: countFrom(env, 'DATABASE_READ_RETRIES', 0, 0, 10),
    },
    orderList: orderListStrategyFrom(env),
  };
}

function orderListStrategyFrom(env: NodeJS.ProcessEnv): OrderListStrategy {
  const value = env.ORDER_LIST_STRATEGY?.trim() || 'single-query';
  if (!ORDER_LIST_STRATEGIES.includes(value as OrderListStrategy)) {
    throw new Error(`ORDER_LIST_STRATEGY must be one of ${ORDER_LIST_STRATEGIES.join(', ')}, got '${value}'`);
  }
  return value as OrderListStrategy;
}
