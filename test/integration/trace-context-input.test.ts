import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, loadStack, up } from '../../scripts/src/stack.js';
import { hostileHeaderSet, seededRandom } from './support/hostile-headers.js';
import { waitForTrace } from './support/jaeger.js';
import { createOrder, FRONTEND, newTraceparent } from './support/mesh.js';

// Trace headers are input from the outside world: a malformed or hostile traceparent, tracestate or
// baggage must be ignored or truncated as the W3C specs say, never crash a service or be trusted.
// The frontend runs with the W3C test-suite endpoint enabled for these tests.

const stack = loadStack();
const SERVICES = { frontend: 8080, backend: 8081, database: 8082, notifier: 8083 };
const HEADER_SETS = 10_000;
const CONCURRENCY = 16;

// A stand-in for the W3C suite's test server: records the headers of each call it receives.
let capture: Server;
let captureUrl = '';
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  capture = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  capture.listen(0, '127.0.0.1');
  await once(capture, 'listening');
  captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}/`;
  await down(stack, ['frontend']);
  await up(stack, ['frontend'], { frontend: { TRACE_CONTEXT_HARNESS: 'enabled' } });
});

afterAll(async () => {
  capture?.close();
  await down(stack, ['frontend']);
  await up(stack, ['frontend']);
});

async function harness(headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  const before = received.length;
  const response = await fetch(`${FRONTEND}/test/trace-context`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify([{ url: captureUrl, arguments: [] }]),
  });
  expect(response.status).toBe(200);
  expect(received.length).toBe(before + 1);
  return received.at(-1) as IncomingHttpHeaders;
}

describe('the W3C Trace Context test-suite endpoint', () => {
  it('continues a valid trace context in the calls it makes', async () => {
    const incoming = newTraceparent();
    const forwarded = await harness({ traceparent: incoming.header, tracestate: 'lab=1,other=2' });
    const [version, traceId, parentId, flags] = String(forwarded.traceparent).split('-');
    expect([version, traceId, flags]).toEqual(['00', incoming.traceId, '01']);
    expect(parentId).not.toBe(incoming.header.split('-')[2]);
    expect(forwarded.tracestate).toBe('lab=1,other=2');
  });

  it('starts a new trace for an invalid traceparent, and drops tracestate with it', async () => {
    const forwarded = await harness({ traceparent: `00-${'0'.repeat(32)}-${'a'.repeat(16)}-01`, tracestate: 'lab=1' });
    expect(String(forwarded.traceparent)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(String(forwarded.traceparent)).not.toContain('0'.repeat(32));
    expect(forwarded.tracestate).toBeUndefined();
  });

  it('forwards at most 32 tracestate members', async () => {
    const tracestate = Array.from({ length: 40 }, (_, i) => `k${i}=v${i}`).join(',');
    const forwarded = await harness({ traceparent: newTraceparent().header, tracestate });
    expect(String(forwarded.tracestate ?? '').split(',').length).toBeLessThanOrEqual(32);
  });

  it('answers a malformed call list with a 400 naming the field', async () => {
    const response = await fetch(`${FRONTEND}/test/trace-context`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ url: 'file:///etc/passwd', arguments: [] }]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: '0.url' });
  });
});

describe('hostile trace headers', () => {
  it(`never crash a service or get trusted: ${HEADER_SETS} malformed sets across all four`, async () => {
    const random = seededRandom(20261123);
    const ports = Object.values(SERVICES);
    const failures: string[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < HEADER_SETS) {
        const index = next++;
        const headers = hostileHeaderSet(random);
        const port = ports[index % ports.length] as number;
        const response = await fetch(`http://127.0.0.1:${port}/fuzz`, { headers: headers as Record<string, string> });
        await response.arrayBuffer();
        const traceresponse = response.headers.get('traceresponse') ?? '';
        const newTraceId = traceresponse.split('-')[1] ?? '';
        // Correct means: the usual JSON 404, under a fresh, valid trace that owes nothing to the input.
        if (response.status !== 404 || !/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/.test(traceresponse) || (headers.traceparent ?? '').includes(newTraceId)) {
          failures.push(`#${index} :${port} ${response.status} ${traceresponse} <- ${JSON.stringify(headers).slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures.slice(0, 5)).toEqual([]);

    for (const port of ports) expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    // And the mesh still does its job: a whole order trace, as before the storm.
    const { traceId } = await createOrder();
    await waitForTrace(traceId, (spans) => spans.some((s) => s.service === 'notifier'));
  });

  it('copies at most 180 baggage members onto spans', async () => {
    const baggage = Array.from({ length: 200 }, (_, i) => `lab.k${i}=v`).join(',');
    const response = await fetch(`${FRONTEND}/fuzz`, { headers: { baggage } });
    const traceId = String(response.headers.get('traceresponse')).split('-')[1] as string;
    const spans = await waitForTrace(traceId, (all) => all.length > 0);
    const copied = Object.keys(spans[0]?.attributes ?? {}).filter((key) => key.startsWith('lab.k'));
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.length).toBeLessThanOrEqual(180);
  });
});
