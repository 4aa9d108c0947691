import type { PoolClient } from 'pg';
import { withSpan } from '@tracing-lab/shared-tracing';
import { DomainError } from '@tracing-lab/contracts';

// Reserves stock for an order inside the caller's transaction. Its own span shows the business step
// (which product, how many, what was left) above the raw UPDATE that the pg instrumentation records.
export function reserveStock(client: PoolClient, productId: number, quantity: number): Promise<number> {
  const attributes = {
    'db.system.name': 'postgresql',
    'db.collection.name': 'products',
    'db.operation.name': 'UPDATE',
    'app.product.id': productId,
    'app.inventory.requested': quantity,
  };
  return withSpan(`inventory.reserve ${productId}`, attributes, async (span) => {
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
    span.setAttribute('app.inventory.remaining', row.stock);
    return row.price_cents * quantity;
  });
}
