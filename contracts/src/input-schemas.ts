import { z } from 'zod';

// The field rules the services share, each with the message a 400 shows after the field name.
export function intBetween(min: number, max: number, coerce = false) {
  const message = max === MAX_ID ? 'must be a positive integer' : `must be an integer from ${min} to ${max}`;
  const base = coerce ? z.coerce.number({ error: message }) : z.number({ error: message });
  return base.int(message).min(min, message).max(max, max === MAX_ID ? `must be at most ${MAX_ID}` : message);
}

// Ids are PostgreSQL `integer` columns: a larger number can match no row, and would reach SQL only
// to fail there as a 500 instead of a 400 here.
const MAX_ID = 2_147_483_647;

export const positiveInt = (coerce = false) => intBetween(1, MAX_ID, coerce);

// An order as the backend accepts it and the database service stores it: one contract, one schema.
export const newOrderInput = z.object({ userId: positiveInt(), productId: positiveInt(), quantity: intBetween(1, 100) });
export type NewOrder = z.infer<typeof newOrderInput>;

// `?limit=` on list endpoints.
export const listLimit = intBetween(1, 100, true).default(20);
