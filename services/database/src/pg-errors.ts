import type { ErrorRequestHandler } from 'express';
import { HttpError } from '@tracing-lab/shared-tracing';

// PostgreSQL failures that mean something to a caller, mapped to HTTP once, before the shared error
// handler: a missing referenced row is the caller's mistake, an unreachable database is an outage.
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001']);

export const pgErrorMapper: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  const code = (error as { code?: unknown })?.code;
  const message = (error as Error)?.message ?? '';
  if (code === '23503') return next(new HttpError(404, { error: 'referenced record not found' }));
  if ((typeof code === 'string' && UNAVAILABLE.has(code)) || /timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
    return next(new HttpError(503, { error: 'database unavailable' }));
  }
  next(error);
};
