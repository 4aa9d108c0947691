import type { PoolClient } from 'pg';
import { DomainError } from '@tracing-lab/contracts';

// Reserves stock for an order inside the caller's transaction.
//
// TODO (exercise 5): give this business step a span of its own, so the order's waterfall shows which
// product was reserved, how many were asked for and how many were left, right above the raw UPDATE
// that the pg instrumentation records. The trace must show:
//   - an INTERNAL span named "inventory.reserve" in the database service, under POST /db/orders, and
//     the UPDATE's span as its child (so the span must be the active one while the query runs);
//   - on it, the semantic-convention attributes db.system.name ("postgresql"), db.collection.name and
//     db.operation.name, and the lab's own app.product.id, app.inventory.requested and, once the
//     UPDATE has answered, app.inventory.remaining;
//   - the same name for every order: per-request values belong in attributes, never in the name;
//   - an error recorded on the span when the reservation fails, and the span ended on every path.
export async function reserveStock(client: PoolClient, productId: number, quantity: number): Promise<number> {
  const result = await client.query<{ stock: number; price_cents: number }>(
    'UPDATE products SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING stock, price_cents',
    [productId, quantity],
  );
  const row = result.rows[0];
  if (!row) {
    const exists = await client.query('SELECT 1 FROM products WHERE id = $1', [productId]);
    if (exists.rowCount === 0) throw new DomainError('not-found', `product ${productId} not found`);
    throw new DomainError('conflict', `not enough stock for product ${productId}`, 'quantity');
  }
  return row.price_cents * quantity;
}
