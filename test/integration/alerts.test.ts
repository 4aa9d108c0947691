import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@tracing-lab/checker/poll';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, loadStack, up } from '@tracing-lab/scripts/stack';
import { crossServiceEdges } from '@tracing-lab/checker/trace-shape';
import type { Span } from '@tracing-lab/trace-analysis';
import { readTrace, searchTraces, waitForTrace } from './support/jaeger.js';
import { FRONTEND } from './support/mesh.js';

// Alerts end to end: trace-api restarted with one rule that fires quickly (the backend's error rate
// over a 10 s window, evaluated every second), errors driven through the mesh with the backend-error
// fault, the rule firing at GET /alerts and delivered by the notifier in the trace of the evaluation
// that published it, then resolved once the errors stop.

const stack = loadStack();
const TRACE_API = 'http://127.0.0.1:3000';
const RULE = 'alerts-test-backend-errors';
// Low enough that the test's errors carry it whatever other traffic the mesh has, high enough that the
// checker's occasional failed order does not.
const RULES = `rules:
  - name: ${RULE}
    service: backend
    metric: error_rate
    threshold: 0.1
    window: 10s
    minSamples: 3
`;

interface RuleReport {
  name: string;
  state: 'inactive' | 'firing' | 'resolved';
  firedAt: string | null;
  resolvedAt: string | null;
  value: number | null;
  exampleTraceIds: string[];
}
interface AlertsReport {
  evaluator: { intervalMs: number; jaeger: string; publishing: string };
  rules: RuleReport[];
  events: { rule: string; state: string; at: string; value: number | null; exampleTraceIds: string[] }[];
}

let scratch = '';
let startedAt = 0;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'tracing-lab-alerts-'));
  const rulesFile = join(scratch, 'alert-rules.yaml');
  writeFileSync(rulesFile, RULES);
  await down(stack, ['trace-api']);
  startedAt = Date.now();
  await up(stack, ['trace-api'], { 'trace-api': { ALERT_RULES_FILE: rulesFile, ALERT_INTERVAL_MS: '1000' } });
});

afterAll(async () => {
  await down(stack, ['trace-api']);
  await up(stack, ['trace-api']);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function alerts(): Promise<AlertsReport> {
  const response = await fetch(`${TRACE_API}/alerts`);
  if (!response.ok) throw new Error(`GET /alerts answered ${response.status}`);
  return (await response.json()) as AlertsReport;
}

async function ruleIn(state: RuleReport['state']): Promise<RuleReport> {
  let last = 'no answer';
  return waitFor(
    `rule ${RULE} to be ${state} at GET /alerts`,
    async () => {
      const rule = (await alerts()).rules.find((r) => r.name === RULE);
      last = JSON.stringify(rule);
      if (rule?.state === state) return rule;
      throw new Error(last);
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

// Orders with the backend-error fault, a few at a time, until stopped: the backend answers 500.
function driveErrors(): { stop: () => Promise<number[]> } {
  let running = true;
  const statuses: number[] = [];
  const loop = async (): Promise<void> => {
    while (running) {
      try {
        const response = await fetch(`${FRONTEND}/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', baggage: 'lab.scenario=backend-error' },
          body: JSON.stringify({ userId: 1, productId: 2, quantity: 1 }),
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      } catch {
        // The mesh being restarted by another suite: keep trying.
      }
      await sleep(100);
    }
  };
  const loops = Array.from({ length: 3 }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return statuses;
    },
  };
}

// The notifier's delivery of the rule's transition, found in Jaeger by its span.
async function deliveryTrace(state: 'firing' | 'resolved'): Promise<Span[]> {
  const isOurs = (span: Span) => span.operation === 'alert.deliver' && span.tags['app.alert.rule'] === RULE && span.tags['app.alert.state'] === state;
  const found = await waitFor(
    `the notifier's alert.deliver span for ${RULE} ${state} in Jaeger`,
    async () => (await searchTraces('notifier', startedAt, 'alert.deliver')).find((spans) => spans.some(isOurs)),
    { timeoutMs: 30_000, intervalMs: 500 },
  );
  const traceId = (found[0] as Span).traceId;
  return waitForTrace(traceId, (spans) => spans.some(isOurs) && spans.some((s) => s.service === 'trace-api' && s.operation === 'alerts.evaluate'));
}

describe('alerts', () => {
  it('fires on the backend’s errors, is delivered by the notifier in the trace that published it, and resolves when they stop', async () => {
    expect((await alerts()).evaluator).toMatchObject({ intervalMs: 1_000, publishing: 'rabbitmq' });
    expect((await alerts()).rules.map((rule) => rule.name)).toEqual([RULE]);

    const errors = driveErrors();
    let firing: RuleReport;
    try {
      firing = await ruleIn('firing');
    } finally {
      const statuses = await errors.stop();
      // The backend fails them with a 500, which the frontend passes on as a 502.
      expect(statuses).toContain(502);
    }
    expect(firing.value).toBeGreaterThan(0.1);
    expect(firing.firedAt).not.toBeNull();
    expect(firing.exampleTraceIds.length).toBeGreaterThan(0);
    const [example] = firing.exampleTraceIds as [string];
    const exampleSpans = await readTrace(example);
    expect(exampleSpans?.some((s) => s.service === 'backend' && s.kind === 'server' && s.tags['otel.status_code'] === 'ERROR')).toBe(true);
    expect((await alerts()).events.find((event) => event.rule === RULE)).toMatchObject({ state: 'firing', at: firing.firedAt });

    // trace-api's round → its publish → the notifier's consumer → the delivery: one trace.
    const delivered = await deliveryTrace('firing');
    const byId = new Map(delivered.map((span) => [span.spanId, span]));
    const deliver = delivered.find((s) => s.operation === 'alert.deliver') as Span;
    const consumer = byId.get(deliver.parentSpanId ?? '');
    const publish = byId.get(consumer?.parentSpanId ?? '');
    expect(deliver).toMatchObject({ service: 'notifier', kind: 'client', tags: { 'app.alert.rule': RULE, 'app.alert.state': 'firing', 'app.alert.service': 'backend' } });
    expect(consumer).toMatchObject({ service: 'notifier', kind: 'consumer', operation: 'notifier.alerts process' });
    expect(publish).toMatchObject({ service: 'trace-api', kind: 'producer', operation: 'publish alerts' });
    expect(byId.get(publish?.parentSpanId ?? '')).toMatchObject({ service: 'trace-api', operation: 'alerts.evaluate', parentSpanId: undefined });
    expect(crossServiceEdges(delivered)).toContain('trace-api(producer) -> notifier(consumer)');

    const resolved = await ruleIn('resolved');
    expect(resolved.firedAt).toBe(firing.firedAt);
    expect(Date.parse(resolved.resolvedAt as string)).toBeGreaterThan(Date.parse(firing.firedAt as string));
    expect((await alerts()).events.filter((event) => event.rule === RULE).map((event) => event.state).slice(0, 2)).toEqual(['resolved', 'firing']);
    const deliveredResolved = await deliveryTrace('resolved');
    expect(crossServiceEdges(deliveredResolved)).toContain('trace-api(producer) -> notifier(consumer)');
  });
});
