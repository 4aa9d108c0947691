import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxiosError, AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, intBetween, positiveInt } from '@tracing-lab/contracts';
import { createHttpClient } from '../src/http-client.js';
import { errorHandler, HttpError, notFoundHandler, parseInput, upstreamError } from '../src/http-errors.js';
import { createLogger } from '../src/logger.js';

const quietLogger = createLogger({ LOG_LEVEL: 'silent' });

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('nothing thrown');
    },
    (error: unknown) => error,
  );
}

describe('parseInput', () => {
  const newOrder = z.object({ userId: positiveInt(), quantity: intBetween(1, 100), address: z.object({ zip: z.string() }).optional() });

  it('returns the parsed input when it is valid', () => {
    expect(parseInput(newOrder, { userId: 1, quantity: 2, extra: true })).toEqual({ userId: 1, quantity: 2 });
  });

  it('answers 400 naming the first bad field', () => {
    const error = thrown(() => parseInput(newOrder, { userId: 1, quantity: 0 }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, body: { error: "'quantity' must be an integer from 1 to 100", field: 'quantity' } });
    expect((error as HttpError).message).toBe("'quantity' must be an integer from 1 to 100");
  });

  it('names a missing field', () => {
    expect(thrown(() => parseInput(newOrder, { quantity: 1 }))).toMatchObject({
      status: 400,
      body: { error: "'userId' must be a positive integer", field: 'userId' },
    });
  });

  it('names a nested field by its dotted path', () => {
    expect(thrown(() => parseInput(newOrder, { userId: 1, quantity: 1, address: { zip: 12 } }))).toMatchObject({
      status: 400,
      body: { field: 'address.zip' },
    });
  });

  it("names the body itself when the input is not an object", () => {
    expect(thrown(() => parseInput(newOrder, undefined))).toMatchObject({ status: 400, body: { field: 'body' } });
  });
});

describe('upstreamError with axios errors built by hand', () => {
  const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
  const answered = (status: number, data: unknown) =>
    new AxiosError(`Request failed with status code ${status}`, AxiosError.ERR_BAD_RESPONSE, config, {}, {
      status,
      statusText: '',
      headers: {},
      config,
      data,
    } as AxiosResponse);

  it('passes an upstream 4xx on with its status and JSON body', () => {
    const error = upstreamError('database service', answered(404, { error: 'order 7 not found' }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, body: { error: 'order 7 not found' } });
  });

  it('wraps a 4xx body that is not JSON', () => {
    expect(upstreamError('backend', answered(400, 'Bad Request'))).toMatchObject({ status: 400, body: { error: 'Bad Request' } });
  });

  it('turns an upstream 5xx into a 502 naming the dependency and its status', () => {
    expect(upstreamError('database service', answered(500, { error: 'internal error' }))).toMatchObject({
      status: 502,
      body: { error: 'database service failed', upstreamStatus: 500 },
    });
  });

  it.each(['ECONNABORTED', 'ETIMEDOUT'])('turns %s into a 504 naming the dependency', (code) => {
    expect(upstreamError('backend', new AxiosError('timeout of 5000ms exceeded', code, config))).toMatchObject({
      status: 504,
      body: { error: 'backend timed out' },
    });
  });

  it('turns a request that got no answer into a 502 naming the dependency', () => {
    expect(upstreamError('backend', new AxiosError('connect ECONNREFUSED 127.0.0.1:8081', 'ECONNREFUSED', config))).toMatchObject({
      status: 502,
      body: { error: 'backend unreachable' },
    });
  });

  it('returns anything that is not an axios error unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(upstreamError('backend', bug)).toBe(bug);
  });
});

describe('upstreamError with the errors the shared HTTP client really throws', () => {
  const upstream = createServer((req, res) => {
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'order 7 not found' }));
    } else if (req.url === '/broken') {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal error' }));
    }
    // Any other path never answers.
  });
  let upstreamUrl = '';
  let closedUrl = '';

  beforeAll(async () => {
    upstreamUrl = await listen(upstream);
    const gone = createServer();
    closedUrl = await listen(gone);
    await close(gone);
  });

  afterAll(async () => {
    await close(upstream);
  });

  it('passes the 404 on', async () => {
    const error = await rejection(createHttpClient(upstreamUrl).get('/missing'));
    expect(upstreamError('database service', error)).toMatchObject({ status: 404, body: { error: 'order 7 not found' } });
  });

  it('turns the 500 into a 502', async () => {
    const error = await rejection(createHttpClient(upstreamUrl).get('/broken'));
    expect(upstreamError('database service', error)).toMatchObject({ status: 502, body: { upstreamStatus: 500 } });
  });

  it('turns the client timeout into a 504', async () => {
    const error = await rejection(createHttpClient(upstreamUrl, 50).get('/hang'));
    expect(upstreamError('backend', error)).toMatchObject({ status: 504, body: { error: 'backend timed out' } });
  });

  it('turns a refused connection into a 502', async () => {
    const error = await rejection(createHttpClient(closedUrl).get('/'));
    expect(upstreamError('backend', error)).toMatchObject({ status: 502, body: { error: 'backend unreachable' } });
  });
});

describe('errorHandler and notFoundHandler', () => {
  const app = express();
  app.use(express.json({ limit: '1kb' }));
  app.get('/conflict', () => {
    throw new HttpError(409, { error: 'not enough stock for product 1', field: 'quantity' });
  });
  app.get('/domain/:kind', (req) => {
    throw new DomainError(req.params.kind as 'conflict', `refused: ${req.params.kind}`, req.query.field as string | undefined);
  });
  app.get('/bug', () => {
    throw new Error('secret internal detail');
  });
  app.get('/teapot', () => {
    throw Object.assign(new Error('short and stout'), { status: 418 });
  });
  app.post('/echo', (req, res) => {
    res.json(req.body);
  });
  app.use(notFoundHandler);
  app.use(errorHandler(quietLogger));
  const server = createServer(app);
  let base = '';

  beforeAll(async () => {
    base = await listen(server);
  });

  afterAll(async () => {
    await close(server);
  });

  async function call(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${base}${path}`, init);
    return { status: response.status, body: await response.json() };
  }

  const postJson = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers an HttpError with its status and body', async () => {
    expect(await call('/conflict')).toEqual({ status: 409, body: { error: 'not enough stock for product 1', field: 'quantity' } });
  });

  it.each([
    ['conflict', '?field=quantity', 409, { error: 'refused: conflict', field: 'quantity' }],
    ['not-found', '', 404, { error: 'refused: not-found' }],
    ['unavailable', '', 503, { error: 'refused: unavailable' }],
  ])("answers a DomainError of kind %s with the kind's one status", async (kind, query, status, body) => {
    expect(await call(`/domain/${kind}${query}`)).toEqual({ status, body });
  });

  it('answers an unexpected error with a bare 500 that leaks nothing', async () => {
    expect(await call('/bug')).toEqual({ status: 500, body: { error: 'internal error' } });
  });

  it('answers malformed JSON with a 400 naming the body', async () => {
    expect(await call('/echo', postJson('{"quantity": '))).toEqual({ status: 400, body: { error: "'body' is not valid JSON", field: 'body' } });
  });

  it('answers an oversized body with a 413', async () => {
    expect(await call('/echo', postJson(JSON.stringify({ pad: 'x'.repeat(2_000) })))).toEqual({
      status: 413,
      body: { error: 'request body too large' },
    });
  });

  it('keeps the 4xx status of another client error', async () => {
    expect(await call('/teapot')).toEqual({ status: 418, body: { error: 'short and stout' } });
  });

  it('answers an unknown route with a 404 naming method and path', async () => {
    expect(await call('/nowhere?x=1', { method: 'DELETE' })).toEqual({ status: 404, body: { error: 'no route for DELETE /nowhere' } });
  });

  it('answers a known path with the wrong method with a 405 listing the allowed ones', async () => {
    const response = await fetch(`${base}/echo`, { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({ error: 'PUT is not allowed on /echo', allowed: ['POST'] });
  });
});
