import { seededRandom } from '@tracing-lab/trace-analysis';
import { describe, expect, it } from 'vitest';
import { hostileHeaderSet } from './support/hostile-headers.js';
import { waitForTrace } from './support/jaeger.js';
import { createOrder, FRONTEND } from './support/mesh.js';

// Trace headers are input from the outside world: a malformed or hostile traceparent, tracestate or
// baggage must be ignored or truncated as the W3C specs say, never crash a service or be trusted.
// The W3C Trace Context suite's own cases are in w3c-trace-context.test.ts.

const SERVICES = { frontend: 8080, backend: 8081, database: 8082, notifier: 8083 };
const HEADER_SETS = 10_000;
const CONCURRENCY = 16;

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
    const copied = Object.keys(spans[0]?.tags ?? {}).filter((key) => key.startsWith('lab.k'));
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.length).toBeLessThanOrEqual(180);
  });
});
