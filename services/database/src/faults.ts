import type pg from 'pg';
import { faultFires } from '@tracing-lab/shared-tracing';
import type { OrderCreatedEvent } from '@tracing-lab/contracts';

// The fault scenarios the database service honours, switched on per request by the baggage entry
// `lab.scenario=<name>` or for every request by LAB_SCENARIO=<name> (shared-tracing/src/lab-scenario.ts).

// slow-db: simulates a slow query, what a missing index or a lock wait looks like in a trace. Every
// query path of the request first runs a half-second statement, so one pg span under `database` is
// far longer than its siblings and the whole request waits on it.
export const SLOW_DB_SECONDS = 0.5;

export async function slowDbFault(db: pg.Pool | pg.PoolClient): Promise<void> {
  if (!faultFires('slow-db')) return;
  await db.query('SELECT pg_sleep($1) /* lab fault scenario: slow-db */', [SLOW_DB_SECONDS]);
}

// poison-message: simulates a publisher bug. The order.created event goes out without its orderId,
// a message no retry can fix: the notifier rejects it to the dead-letter queue and records why.
export function poisonMessageFault(event: OrderCreatedEvent): Partial<OrderCreatedEvent> {
  if (!faultFires('poison-message')) return event;
  const { orderId: _dropped, ...withoutId } = event;
  return withoutId;
}

// outbox-backlog: simulates a database service that stopped between an order's commit and the publish
// of its event (a crash, a deploy). The event waits in the outbox, and the relay's sweep publishes it
// 5 to 6 s later, in a batch, still in the order's trace: how the checker sees the batch span (task 5).
export function outboxBacklogFault(): boolean {
  return faultFires('outbox-backlog');
}
