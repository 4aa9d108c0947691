import type pg from 'pg';

// The transactional outbox (table `outbox`, schema.ts): an event is written in the transaction of the
// change it announces, with the trace context it continues, and stays pending until published.

export interface OutboxEvent {
  id: string;
  routingKey: string;
  payload: unknown;
  traceContext: Record<string, string>;
}

// Inside the caller's transaction, so the event exists exactly when the change does.
export async function addToOutbox(client: pg.PoolClient, event: Omit<OutboxEvent, 'id'>): Promise<OutboxEvent> {
  const result = await client.query<{ id: string }>(
    'INSERT INTO outbox (routing_key, payload, trace_context) VALUES ($1, $2, $3) RETURNING id::text',
    [event.routingKey, event.payload, event.traceContext],
  );
  return { id: (result.rows[0] as { id: string }).id, ...event };
}

export class Outbox {
  constructor(private readonly pool: pg.Pool) {}

  // The oldest events not yet published and older than `minAgeMs`: a younger one is still being
  // published by the request that created it.
  async pending(limit: number, minAgeMs: number): Promise<OutboxEvent[]> {
    const result = await this.pool.query<OutboxEvent>(
      `SELECT id::text, routing_key AS "routingKey", payload, trace_context AS "traceContext" FROM outbox
       WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $2 / 1000.0) ORDER BY id LIMIT $1`,
      [limit, minAgeMs],
    );
    return result.rows;
  }

  async markPublished(id: string): Promise<void> {
    await this.pool.query('UPDATE outbox SET published_at = now() WHERE id = $1', [id]);
  }
}
