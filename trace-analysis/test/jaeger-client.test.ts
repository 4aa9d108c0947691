import { describe, expect, it } from 'vitest';
import { describeFetchError } from '../src/fetch-with-timeout.js';
import { JaegerUnavailableError } from '../src/jaeger-answer.js';
import { fetchJaeger, JaegerClient, TRACES_PER_REQUEST } from '../src/jaeger-client.js';
import type { JaegerTrace } from '../src/jaeger-trace.js';

const JAEGER = 'http://jaeger:16686';
const trace = (traceID: string): JaegerTrace => ({ traceID, spans: [], processes: {} });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const NOT_FOUND = () => json({ data: null, errors: [{ code: 404, msg: 'trace not found' }] }, 404);

// A client over a fake Jaeger that answers each request with `answer(url)` and keeps every URL asked.
function clientOf(answer: (url: string) => Response | Promise<Response>) {
  const urls: string[] = [];
  const client = new JaegerClient(
    fetchJaeger(JAEGER, {
      fetch: async (url) => {
        urls.push(url);
        return answer(url);
      },
    }),
  );
  return { client, urls };
}

describe('JaegerClient', () => {
  it('reads one trace by id, and none while Jaeger answers 404', async () => {
    const { client, urls } = clientOf((url) => (url.endsWith('/abc') ? json({ data: [trace('abc')] }) : NOT_FOUND()));
    expect(await client.trace('abc')).toEqual(trace('abc'));
    expect(await client.trace('def')).toBeUndefined();
    expect(urls).toEqual([`${JAEGER}/api/traces/abc`, `${JAEGER}/api/traces/def`]);
  });

  it("searches one service's traces in a time range, with the filters Jaeger's UI has", async () => {
    const { client, urls } = clientOf(() => json({ data: [trace('a'), trace('b')] }));
    const found = await client.search({ service: 'backend', sinceMs: 1_000.5, untilMs: 2_000, operation: 'POST /orders', minDuration: '500ms', tags: { 'lab.scenario': 'slow-db' }, limit: 20 });
    expect(found.map((t) => t.traceID)).toEqual(['a', 'b']);
    expect(urls).toEqual([
      `${JAEGER}/api/traces?service=backend&start=1000500&end=2000000&limit=20&operation=POST+%2Forders&minDuration=500ms&tags=%7B%22lab.scenario%22%3A%22slow-db%22%7D`,
    ]);
  });

  it('searches up to now, 100 traces, with no tag filter for empty tags', async () => {
    const { client, urls } = clientOf(() => json({ data: null }));
    const before = Date.now() * 1000;
    expect(await client.search({ service: 'frontend', sinceMs: 5, tags: {} })).toEqual([]);
    const query = new URL(urls[0] as string).searchParams;
    expect([...query.keys()]).toEqual(['service', 'start', 'end', 'limit']);
    expect(Number(query.get('end'))).toBeGreaterThanOrEqual(before);
    expect(query.get('limit')).toBe('100');
  });

  it(`reads many traces by id, ${TRACES_PER_REQUEST} to a request`, async () => {
    const ids = Array.from({ length: TRACES_PER_REQUEST + 1 }, (_, i) => String(i).padStart(32, '0'));
    const { client, urls } = clientOf((url) => json({ data: new URL(url).searchParams.getAll('traceID').map(trace) }));
    expect((await client.traces(ids)).map((t) => t.traceID)).toEqual(ids);
    expect(urls.map((url) => new URL(url).searchParams.getAll('traceID').length)).toEqual([TRACES_PER_REQUEST, 1]);
  });

  it('lists the services, and refuses an answer that is not from Jaeger', async () => {
    expect(await clientOf(() => json({ data: ['backend', 'jaeger'] })).client.services()).toEqual(['backend', 'jaeger']);
    expect(await clientOf(() => json({ data: null })).client.services()).toEqual([]);
    await expect(clientOf(() => json({ status: 'ok' }, 404)).client.services()).rejects.toThrow(
      new JaegerUnavailableError(`${JAEGER}/api/services did not answer like Jaeger's query API`),
    );
  });

  it('says in one line why Jaeger could not be read', async () => {
    const refused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    await expect(clientOf(refused).client.trace('abc')).rejects.toThrow(new JaegerUnavailableError(`Jaeger is unreachable at ${JAEGER} (connection refused)`));
    await expect(clientOf(() => new Response('oops', { status: 500 })).client.trace('abc')).rejects.toThrow(`Jaeger answered ${JAEGER}/api/traces/abc with HTTP 500`);
    await expect(clientOf(() => new Response('<html>')).client.trace('abc')).rejects.toThrow(`Jaeger answered ${JAEGER}/api/traces/abc with something that is not JSON`);
    await expect(clientOf(() => json({ data: 'x' })).client.trace('abc')).rejects.toThrow(`${JAEGER}/api/traces/abc answered without a data list`);
  });

  it('is reachable when Jaeger answers /api/services, whatever it says', async () => {
    expect(await clientOf(() => json({ data: [] })).client.reachable()).toBe(true);
    expect(await clientOf(() => Promise.reject(new TypeError('fetch failed'))).client.reachable()).toBe(false);
  });
});

describe('describeFetchError', () => {
  const failed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
  it.each<[string, unknown, string]>([
    ['a refused connection', failed({ code: 'ECONNREFUSED' }), 'connection refused'],
    ['an unknown host', failed({ code: 'ENOTFOUND' }), 'host not found'],
    ['a failed DNS lookup', failed({ code: 'EAI_AGAIN' }), 'host not found'],
    ['any other code', failed({ code: 'ECONNRESET' }), 'ECONNRESET'],
    ['a timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'no answer within 10s'],
    ['a cause with only a message', failed({ message: 'other side closed' }), 'other side closed'],
    ['anything else', new Error('boom'), 'boom'],
  ])('%s -> %s', (_, error, words) => {
    expect(describeFetchError(error)).toBe(words);
  });

  it('names the time limit it was given', () => {
    expect(describeFetchError(new DOMException('aborted', 'TimeoutError'), 30_000)).toBe('no answer within 30s');
  });
});
