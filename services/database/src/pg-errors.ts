import type { ErrorRequestHandler } from 'express';
import { DomainError } from '@tracing-lab/contracts';

// PostgreSQL failures that mean something to a caller, named as domain errors before the shared error
// handler maps them: a missing referenced row is the caller's mistake, an unreachable database an outage.
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001']);

export const pgErrorMapper: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  const code = (error as { code?: unknown })?.code;
  const message = (error as Error)?.message ?? '';
  if (code === '23503') return next(new DomainError('not-found', 'referenced record not found'));
  if ((typeof code === 'string' && UNAVAILABLE.has(code)) || /timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
    return next(new DomainError('unavailable', 'database unavailable'));
  }
  next(error);
};
