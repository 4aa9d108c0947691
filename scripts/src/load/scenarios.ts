// The load generator's scenarios, as data: the CLI, the progress checker and the docs read the names
// from here. A fault scenario's name is also a contract with the services: a request carrying the
// W3C baggage entry `lab.scenario=<name>` makes the service that owns that fault misbehave
// (services/*/src/faults.ts), so these names must match theirs exactly.

// What the requests are: reads, order creation, or the weighted mix of both (see next-request.ts).
export type Traffic = 'browse' | 'order' | 'mixed';

// A shop's traffic is mostly reading: 3 in 10 requests of the mixed traffic create an order.
export const MIXED_ORDER_SHARE = 0.3;
const ORDER_PERCENT = Math.round(MIXED_ORDER_SHARE * 100);

export interface Scenario {
  name: string;
  traffic: Traffic;
  // The share of requests that carry `baggage: lab.scenario=<name>` to switch the fault on: 0 for
  // plain traffic, 1 for every request, less for a fault that should come and go.
  faultShare: number;
  description: string;
}

export const SCENARIOS = [
  { name: 'browse', traffic: 'browse', faultShare: 0, description: 'reads: users, the order list, single orders' },
  { name: 'order', traffic: 'order', faultShare: 0, description: 'creates orders: the full trace through RabbitMQ to the notifier' },
  { name: 'mixed', traffic: 'mixed', faultShare: 0, description: `a shop day: ${100 - ORDER_PERCENT}% browse, ${ORDER_PERCENT}% order` },
  // slow-db and backend-error fire on every route the database or backend serves, so they ride on
  // the mixed traffic: the learner sees the fault on read traces and on order traces alike.
  { name: 'slow-db', traffic: 'mixed', faultShare: 1, description: 'the database runs a slow SQL statement for each request' },
  // Intermittent, like the bugs a learner has to hunt: 1 request in 5 fails, the rest succeed, and
  // Jaeger's error tag search finds the ones that did.
  { name: 'backend-error', traffic: 'mixed', faultShare: 0.2, description: 'the backend answers 500 (the frontend 502) to 1 request in 5' },
  // The notifier faults only fire while handling an order.created message, and only orders publish
  // one: browse requests would carry the baggage to no effect.
  { name: 'slow-notifier', traffic: 'order', faultShare: 1, description: 'the notifier takes ~2 s to send, after the order answered' },
  { name: 'notifier-failure', traffic: 'order', faultShare: 1, description: "the notifier's first delivery fails, the redelivery succeeds" },
  { name: 'notifier-outage', traffic: 'order', faultShare: 1, description: 'every delivery fails; after the third the message is dead-lettered' },
  { name: 'poison-message', traffic: 'order', faultShare: 1, description: 'the outbox relay publishes a malformed order.created; the notifier dead-letters it' },
  { name: 'outbox-backlog', traffic: 'order', faultShare: 1, description: "each order's event is left to the outbox relay's sweep: published 5-6 s later, one outbox.batch span per sweep" },
] as const satisfies readonly Scenario[];

export type ScenarioName = (typeof SCENARIOS)[number]['name'];

export const SCENARIO_NAMES: readonly ScenarioName[] = SCENARIOS.map((scenario) => scenario.name);

export const FAULT_SCENARIO_NAMES: readonly ScenarioName[] = SCENARIOS.filter((s) => s.faultShare > 0).map((s) => s.name);

export function scenarioNamed(name: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name);
}
