import { context } from '@opentelemetry/api';
import { getRPCMetadata } from '@opentelemetry/core';
import { isAxiosError } from 'axios';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { DomainError, type DomainErrorKind } from '@tracing-lab/contracts';
import type { z } from 'zod';
import type { Logger } from './logger.js';
import { recordSpanError } from './span-error.js';

// A failure with the HTTP status and JSON body it should produce, thrown at the edge (input, routes,
// a dependency's answer); the one error middleware below turns it into the response. Domain code
// throws a DomainError instead, which that middleware maps with STATUS_OF.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.error === 'string' ? body.error : `HTTP ${status}`);
    this.name = 'HttpError';
  }

  static badRequest(field: string, message: string): HttpError {
    return new HttpError(400, { error: `'${field}' ${message}`, field });
  }
}

// Validates input at the edge: the first problem becomes a 400 naming the field.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  throw HttpError.badRequest(field, issue?.message ?? 'is invalid');
}

// A downstream service's answer, passed on: its 4xx reaches the caller unchanged, and an unreachable
// or failing dependency becomes a 502/504 that names it.
export function upstreamError(dependency: string, error: unknown): HttpError | unknown {
  if (!isAxiosError(error)) return error;
  if (error.response) {
    const data = error.response.data as unknown;
    const body = data && typeof data === 'object' ? (data as Record<string, unknown>) : { error: String(data) };
    return error.response.status < 500
      ? new HttpError(error.response.status, body)
      : new HttpError(502, { error: `${dependency} failed`, upstreamStatus: error.response.status });
  }
  const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
  return new HttpError(timedOut ? 504 : 502, {
    error: `${dependency} ${timedOut ? 'timed out' : 'unreachable'}`,
  });
}

// Last in the route list: a path no route matches is a 404; a path that exists for other methods is a
// 405 that lists them, in the Allow header and the body.
export const notFoundHandler: RequestHandler = (req, res, next) => {
  const allowed = allowedMethods(req);
  if (allowed.length) {
    res.setHeader('Allow', allowed.join(', '));
    return next(new HttpError(405, { error: `${req.method} is not allowed on ${req.path}`, allowed }));
  }
  next(new HttpError(404, { error: `no route for ${req.method} ${req.path}` }));
};

// The app's own routes are the truth about which methods a path has. Express keeps them as layers of
// its router, each able to match a path and list its route's methods.
interface RouteLayer {
  route?: { _methods(): string[] };
  match(path: string): boolean;
}

function allowedMethods(req: Request): string[] {
  const stack = (req.app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (layer.route && layer.match(req.path)) layer.route._methods().forEach((method) => methods.add(method.toUpperCase()));
  }
  return [...methods].sort();
}

// The one place errors become responses. It logs once, here at the edge, and the log line carries the
// trace id. A 5xx is also recorded on the request's HTTP server span, the span a learner sees first:
// the http instrumentation only marks it ERROR, with no exception saying why. Unexpected errors
// answer a bare 500: no stack trace leaves the service.
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = asHttpError(error);
    const serverSpan = getRPCMetadata(context.active())?.span;
    if (serverSpan) recordSpanError(serverSpan, error);
    if (known.status >= 500) {
      logger.error({ err: error, method: req.method, path: req.path, status: known.status }, 'request failed');
    } else {
      logger.info({ method: req.method, path: req.path, status: known.status, reason: known.body.error }, 'request rejected');
    }
    res.status(known.status).json(known.body);
  };
}

// The one place a domain error gets its HTTP status.
const STATUS_OF: Record<DomainErrorKind, number> = { 'not-found': 404, conflict: 409, unavailable: 503 };

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof DomainError) {
    return new HttpError(STATUS_OF[error.kind], { error: error.message, ...(error.field === undefined ? {} : { field: error.field }) });
  }
  // Express's body parser reports malformed or oversized JSON with a status of its own.
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.parse.failed') return HttpError.badRequest('body', 'is not valid JSON');
    if (type === 'entity.too.large') return new HttpError(413, { error: 'request body too large' });
    return new HttpError(status, { error: (error as Error).message });
  }
  return new HttpError(500, { error: 'internal error' });
}
