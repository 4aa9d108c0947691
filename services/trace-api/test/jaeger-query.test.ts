import { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { HttpError } from '@tracing-lab/shared-tracing';
import { describe, expect, it, vi } from 'vitest';
import { jaegerQuery, meshServices } from '../src/jaeger-query.js';

// The Tracing API's reads of Jaeger over its HTTP client, with the client faked: what it asks, and
// what a failure becomes.

const JAEGER = 'http://127.0.0.1:16686';

function httpAnswering(answer: (path: string) => unknown) {
  const get = vi.fn(async (path: string, _config?: unknown) => ({ data: answer(path) }));
  return { get, jaeger: jaegerQuery({ get, defaults: { baseURL: JAEGER } } as unknown as AxiosInstance) };
}

function httpFailing(error: AxiosError) {
  return httpAnswering(() => {
    throw error;
  });
}

const answered = (status: number, data: unknown = {}) =>
  new AxiosError(`Request failed with status code ${status}`, 'ERR_BAD_RESPONSE', undefined, undefined, { status, data } as AxiosResponse);

describe('jaegerQuery', () => {
  it("reads a trace through the service's HTTP client, so the read is a client span of the request", async () => {
    const trace = { traceID: 'abc', spans: [], processes: {} };
    const { get, jaeger } = httpAnswering(() => ({ data: [trace] }));
    expect(await jaeger.trace('abc')).toEqual(trace);
    expect(get).toHaveBeenCalledWith('/api/traces/abc', {});
  });

  it("takes Jaeger's 404 for a trace it does not have", async () => {
    expect(await httpFailing(answered(404, { data: null, errors: [{ code: 404, msg: 'trace not found' }] })).jaeger.trace('abc')).toBeUndefined();
  });

  it.each<[string, AxiosError, HttpError]>([
    ['failing', answered(500), new HttpError(502, { error: 'jaeger failed', upstreamStatus: 500 })],
    ['unreachable', new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED'), new HttpError(502, { error: 'jaeger unreachable' })],
    ['too slow', new AxiosError('timeout of 30000ms exceeded', 'ECONNABORTED'), new HttpError(504, { error: 'jaeger timed out' })],
  ])('answers for a Jaeger %s with the status that names it', async (_, error, expected) => {
    const failure = await httpFailing(error).jaeger.search({ service: 'backend', sinceMs: 0 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ status: expected.status, body: expected.body });
  });

  it('counts Jaeger as reachable for /health only when it answers within 2 s', async () => {
    const { get, jaeger } = httpAnswering(() => ({ data: [] }));
    expect(await jaeger.reachable()).toBe(true);
    expect(get).toHaveBeenCalledWith('/api/services', { timeout: 2_000 });
    expect(await httpFailing(new AxiosError('timeout of 2000ms exceeded', 'ECONNABORTED')).jaeger.reachable()).toBe(false);
  });
});

describe('meshServices', () => {
  it("lists the mesh's services sorted, without Jaeger's own", async () => {
    expect(await meshServices(httpAnswering(() => ({ data: ['notifier', 'jaeger', 'backend', 'jaeger-all-in-one', 'frontend'] })).jaeger)).toEqual([
      'backend',
      'frontend',
      'notifier',
    ]);
  });
});
