import { z } from 'zod';

// The field rules the services share, each with the message a 400 shows after the field name.
export function intBetween(min: number, max: number, coerce = false) {
  const message = max === Number.MAX_SAFE_INTEGER ? 'must be a positive integer' : `must be an integer from ${min} to ${max}`;
  const base = coerce ? z.coerce.number({ error: message }) : z.number({ error: message });
  return base.int(message).min(min, message).max(max, message);
}

export const positiveInt = (coerce = false) => intBetween(1, Number.MAX_SAFE_INTEGER, coerce);

// `?limit=` on list endpoints.
export const listLimit = intBetween(1, 100, true).default(20);
