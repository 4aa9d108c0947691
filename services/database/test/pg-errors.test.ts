import type { Request, Response } from 'express';
import { DomainError } from '@tracing-lab/contracts';
import { describe, expect, it, vi } from 'vitest';
import { pgErrorMapper } from '../src/pg-errors.js';

// What the mapper passes on to the shared error handler for a given error: a DomainError, whose kind
// that handler maps to a status (shared-tracing/test/http-errors.test.ts).
function mapped(error: unknown): unknown {
  const next = vi.fn((_error?: unknown) => undefined);
  pgErrorMapper(error, {} as Request, {} as Response, next);
  expect(next).toHaveBeenCalledTimes(1);
  return next.mock.calls[0]?.[0];
}

const pgError = (code: string, message = 'pg failed') => Object.assign(new Error(message), { code });

describe('pgErrorMapper', () => {
  it('names a foreign-key violation not-found: the caller referenced a row that does not exist', () => {
    const error = mapped(pgError('23503', 'insert or update on table "notifications" violates foreign key constraint'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'not-found', message: 'referenced record not found' });
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001'])(
    'names %s unavailable: the database cannot answer now',
    (code) => {
      expect(mapped(pgError(code))).toMatchObject({ kind: 'unavailable', message: 'database unavailable' });
    },
  );

  it.each(['timeout exceeded when trying to connect', 'Connection terminated unexpectedly'])(
    "names the pool's '%s' unavailable",
    (message) => {
      expect(mapped(new Error(message))).toMatchObject({ kind: 'unavailable', message: 'database unavailable' });
    },
  );

  it('passes any other error on unchanged, for the shared handler to answer', () => {
    const syntax = pgError('42601', 'syntax error at or near "SELEC"');
    expect(mapped(syntax)).toBe(syntax);
    const notFound = new DomainError('not-found', 'order 7 not found');
    expect(mapped(notFound)).toBe(notFound);
  });

  it('passes on something thrown that is not an error', () => {
    expect(mapped(undefined)).toBeUndefined();
    expect(mapped('boom')).toBe('boom');
  });
});
