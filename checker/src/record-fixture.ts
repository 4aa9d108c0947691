// Records the checker's unit-test fixtures from the real mesh and Jaeger, so the predicates are tested
// on the JSON Jaeger really returns:
//
//   bash scripts/with-node.sh node checker/dist/record-fixture.js <name> <kind> [--orphans]
//
// Kinds: order, users, backend-error (task 7's failing order), rejected (task 7's 4xx order),
// private-baggage (task 9's order, with a user.email baggage entry), swept (task 5's order left to the
// outbox relay's sweep; the batch traces that link to it are saved under `linked`).
//
// It sends the request, waits until its trace is complete (or for --timeout, then saves what came),
// and writes checker/test/fixtures/<name>.json: the trace as Jaeger's /api/traces/<id> answers it,
// under `data`, plus `request` (what was sent and the traceresponse ids) and `health` (every
// service's /health answer).
// --orphans also saves, under `orphans`, the traces rooted in another service that started during the
// request: the other half of a trace broken at a hop.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fetchJaeger, fetchWithTimeout, flattenTrace, JaegerClient, type JaegerTrace } from '@tracing-lab/trace-analysis';
import {
  ERROR_SCENARIO,
  type ExpectedSpan,
  ORDER_TRACE,
  OUTBOX_BATCH,
  PRIVATE_BAGGAGE,
  REJECTED_ORDER,
  SERVICES,
  SWEPT_ORDER_BAGGAGE,
  USERS_TRACE,
} from './expectations.js';
import { isComplete } from './expected-spans.js';
import { MeshClient, type SentRequest } from './mesh-client.js';
import { DEFAULTS } from './options.js';
import { poll } from './poll.js';
import { rootsOf } from './trace-shape.js';

const FIXTURES = resolve(__dirname, '..', 'test', 'fixtures');

// What each kind of fixture sends, and the table its trace is complete by (none: until the frontend's
// and the backend's server spans are in).
const KINDS: Record<string, { request(mesh: MeshClient): Promise<SentRequest>; table: ExpectedSpan[] }> = {
  order: { request: (mesh) => mesh.postOrder(), table: ORDER_TRACE },
  users: { request: (mesh) => mesh.getUsers(), table: USERS_TRACE },
  'backend-error': { request: (mesh) => mesh.postOrder(ERROR_SCENARIO.baggage), table: [] },
  rejected: { request: (mesh) => mesh.postOrder(undefined, REJECTED_ORDER), table: [] },
  'private-baggage': { request: (mesh) => mesh.postOrder(`${PRIVATE_BAGGAGE.key}=${encodeURIComponent(PRIVATE_BAGGAGE.value)}`), table: ORDER_TRACE },
  swept: { request: (mesh) => mesh.postOrder(SWEPT_ORDER_BAGGAGE), table: ORDER_TRACE },
};
const ORPHAN_SLACK_MS = 3_000;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'jaeger-url': { type: 'string', default: DEFAULTS.jaegerUrl },
      'frontend-url': { type: 'string', default: DEFAULTS.frontendUrl },
      timeout: { type: 'string', default: '15' },
      orphans: { type: 'boolean', default: false },
    },
  });
  const [name, kind] = positionals;
  const send = kind ? KINDS[kind] : undefined;
  if (!name || !send) throw new Error(`usage: record-fixture <name> <${Object.keys(KINDS).join('|')}> [--orphans] [--timeout s]`);
  const jaeger = new JaegerClient(fetchJaeger(values['jaeger-url']));
  const mesh = new MeshClient(values['frontend-url'], 'lab.checker=fixture');
  const request = await send.request(mesh);
  const traceId = request.traceId;
  if (!traceId) throw new Error(`${request.what} answered ${request.status ?? request.error} without a traceresponse header`);
  const table = send.table;

  const result = await poll(
    `trace ${traceId}`,
    async () => {
      const found = await jaeger.trace(traceId);
      if (!found) return { value: undefined, done: false, seen: 'not in Jaeger' };
      const spans = flattenTrace(found).spans;
      const done = table.length ? isComplete(spans, table) : ['frontend', ERROR_SCENARIO.service].every((service) => spans.some((s) => s.service === service && s.kind === 'server'));
      return { value: found, done, seen: `${spans.length} spans` };
    },
    { timeoutMs: Number(values.timeout) * 1000 },
  );
  if (!result.value) throw new Error(result.done ? 'no trace' : result.message);
  if (!result.done) console.log(`saving an incomplete trace: ${result.message}`);

  const health = Object.fromEntries(
    await Promise.all(
      SERVICES.map(async (s) => [s.name, await fetchWithTimeout(mesh.healthUrl(s)).then((r) => r.json()).catch(() => null)] as const),
    ),
  );
  const fixture: Record<string, unknown> = { data: [result.value], request, health };
  if (values.orphans) fixture.orphans = await orphansDuring(jaeger, request);
  if (kind === 'swept') fixture.linked = await batchesLinkingTo(jaeger, request);

  const file = join(FIXTURES, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(fixture, null, 1)}\n`);
  console.log(`wrote ${file} (trace ${request.traceId})`);
}

async function orphansDuring(jaeger: JaegerClient, request: SentRequest): Promise<JaegerTrace[]> {
  const found: JaegerTrace[] = [];
  // The frontend is where every trace starts, so a trace rooted there is never an orphan.
  for (const service of SERVICES.map((s) => s.name).filter((s) => s !== 'frontend')) {
    const traces = await jaeger.search({ service, sinceMs: request.sentAtMs, untilMs: request.answeredAtMs + ORPHAN_SLACK_MS, limit: 20 });
    const rootedHere = (raw: JaegerTrace): boolean => rootsOf(flattenTrace(raw).spans).some((root) => root.service === service);
    found.push(...traces.filter((t) => t.traceID !== request.traceId && rootedHere(t)));
  }
  return found;
}

// The outbox relay's batch traces, started since the request, that link to its trace.
async function batchesLinkingTo(jaeger: JaegerClient, request: SentRequest): Promise<JaegerTrace[]> {
  const traces = await jaeger.search({ service: OUTBOX_BATCH.service, operation: OUTBOX_BATCH.name, sinceMs: request.sentAtMs, limit: 20 });
  return traces.filter((t) => flattenTrace(t).spans.some((s) => s.references.some((ref) => ref.traceId === request.traceId)));
}

main().catch((error: unknown) => {
  console.error(`record-fixture: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
