import type { Request, Response } from 'express';
import { HttpError } from '@tracing-lab/shared-tracing';
import { describe, expect, it, vi } from 'vitest';
import { pgErrorMapper } from '../src/pg-errors.js';

// What the mapper passes on to the shared error handler for a given error.
function mapped(error: unknown): unknown {
  const next = vi.fn((_error?: unknown) => undefined);
  pgErrorMapper(error, {} as Request, {} as Response, next);
  expect(next).toHaveBeenCalledTimes(1);
  return next.mock.calls[0]?.[0];
}

const pgError = (code: string, message = 'pg failed') => Object.assign(new Error(message), { code });

describe('pgErrorMapper', () => {
  it('turns a foreign-key violation into a 404: the caller referenced a row that does not exist', () => {
    const error = mapped(pgError('23503', 'insert or update on table "notifications" violates foreign key constraint'));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, body: { error: 'referenced record not found' } });
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001'])(
    'turns %s into a 503: the database is unavailable',
    (code) => {
      expect(mapped(pgError(code))).toMatchObject({ status: 503, body: { error: 'database unavailable' } });
    },
  );

  it.each(['timeout exceeded when trying to connect', 'Connection terminated unexpectedly'])(
    "turns the pool's '%s' into a 503",
    (message) => {
      expect(mapped(new Error(message))).toMatchObject({ status: 503, body: { error: 'database unavailable' } });
    },
  );

  it('passes any other error on unchanged, for the shared handler to answer', () => {
    const syntax = pgError('42601', 'syntax error at or near "SELEC"');
    expect(mapped(syntax)).toBe(syntax);
    const notFound = HttpError.notFound('order 7');
    expect(mapped(notFound)).toBe(notFound);
  });

  it('passes on something thrown that is not an error', () => {
    expect(mapped(undefined)).toBeUndefined();
    expect(mapped('boom')).toBe('boom');
  });
});
