import type { KnownOrderIds } from './known-order-ids.js';
import { MIXED_ORDER_SHARE, type Scenario, type Traffic } from './scenarios.js';

// Builds each request the load generator sends, from its scenario. `random` is injected (Math.random
// in a run) so tests can pin every choice.

export interface LoadRequest {
  method: 'GET' | 'POST';
  // Relative to the target, which may have a path of its own.
  path: string;
  headers: Record<string, string>;
  body?: string;
}

// The baggage entry the services' fault switch reads (shared-tracing/src/lab-scenario.ts).
export const SCENARIO_BAGGAGE_KEY = 'lab.scenario';

export function nextRequest(scenario: Scenario, random: () => number, orderIds: KnownOrderIds): LoadRequest {
  const request = requestOf(scenario.traffic, random, orderIds);
  if (scenario.faultShare === 0) return request;
  if (scenario.faultShare < 1 && random() >= scenario.faultShare) return request;
  return { ...request, headers: { ...request.headers, baggage: `${SCENARIO_BAGGAGE_KEY}=${scenario.name}` } };
}

function requestOf(traffic: Traffic, random: () => number, orderIds: KnownOrderIds): LoadRequest {
  switch (traffic) {
    case 'browse':
      return browse(random, orderIds);
    case 'order':
      return order(random);
    case 'mixed':
      return random() < MIXED_ORDER_SHARE ? order(random) : browse(random, orderIds);
  }
}

// The three reads in equal shares. A single order needs an id the mesh has shown; until one is
// known, the list stands in (and teaches the ids).
function browse(random: () => number, orderIds: KnownOrderIds): LoadRequest {
  const read = Math.floor(random() * 3);
  if (read === 0) return get('/api/users');
  const id = read === 2 ? orderIds.pick(random) : undefined;
  if (id !== undefined) return get(`/api/orders/${id}`);
  return get(`/api/orders?limit=${between(random, 5, 50)}`);
}

// The seeded users and products are ids 1 to 5 (services/database/src/schema.ts).
function order(random: () => number): LoadRequest {
  const body = { userId: between(random, 1, 5), productId: between(random, 1, 5), quantity: between(random, 1, 3) };
  return { method: 'POST', path: '/api/orders', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function get(path: string): LoadRequest {
  return { method: 'GET', path, headers: {} };
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}
