import type { Span } from '@tracing-lab/trace-analysis';
import { binomialRange } from '../binomial.js';
import { mapWithConcurrency } from '../concurrency.js';
import { ERROR_SCENARIO, ORDER_SKELETON, RUN_BAGGAGE_KEY, SLOW_SCENARIO, USERS_TRACE } from '../expectations.js';
import { isComplete } from '../expected-spans.js';
import { GrowthWatch } from '../growth-watch.js';
import { type Hint, hints } from '../hints.js';
import type { SentRequest } from '../mesh-client.js';
import { formatSeconds, poll } from '../poll.js';
import type { TaskContext } from '../run-context.js';
import { type Check, check, type Task, type TaskOutcome } from '../task.js';
import { spansMissingTheirParent } from '../trace-shape.js';
import { statusCounts } from './completeness-audit.js';

// Task 12 (exercise 10 only): Jaeger's tail_sampling processor keeps every trace with an error, every
// trace longer than 1 s, and 10% of the others, each kept trace whole. The checker sends failing and
// slow orders and ordinary requests, waits for the decisions, and counts what Jaeger kept of each.
// The ordinary requests are GET /api/users: an order's trace ends with the notifier's, which a queue
// of 100 orders would stretch past 1 s, making them slow ones.

// 100 ordinary requests: a 10% policy keeps 1 to 23 of them in all but one run in 10,000, and a
// policy that keeps all or none of them falls outside (checker/test/binomial.test.ts).
export const SAMPLE = { ordinary: 100, errors: 5, slow: 5, keptShare: 0.1, maxFailure: 1e-4 } as const;
const KEPT_RANGE = binomialRange(SAMPLE.ordinary, SAMPLE.keptShare, SAMPLE.maxFailure);
const SEND_CONCURRENCY = 10;
// Decisions come a tick (1 s) apart while the traffic's traces fall due: once every error and slow
// trace is in and nothing new came for SETTLED_MS, the ordinary ones sent before them are decided
// too; once nothing new came for DECIDED_MS, every trace is, whatever is missing.
const SETTLED_MS = 3_000;
const DECIDED_MS = 5_000;

export type TrafficKind = 'ordinary' | 'error' | 'slow';
export interface SentTraffic {
  kind: TrafficKind;
  request: SentRequest;
}

export const tailSampled: Task = {
  id: 12,
  title: 'Jaeger keeps every error and every slow trace, 10% of the rest',
  points: 10,
  async run(context) {
    const outcome: TaskOutcome = { checks: [], hints: [] };
    const sinceMs = Date.now();
    const traffic = await mapWithConcurrency(trafficKinds(), SEND_CONCURRENCY, async (kind) => ({ kind, request: await send(context, kind) }));
    const failed = traffic.filter((t) => !answeredAsExpected(t));
    outcome.checks.push(check(failed.length === 0, `sent ${SAMPLE.errors} failing and ${SAMPLE.slow} slow orders, ${SAMPLE.ordinary} ordinary requests: ${traffic.length - failed.length} answered as expected`));
    if (failed.length) {
      outcome.hints.push(hints.requestsFailed(failed.length, statusCounts(failed.map((t) => t.request))));
      return outcome;
    }
    const kept = await awaitDecisions(context, traffic, sinceMs);
    const waited = formatSeconds(Date.now() - sinceMs);
    if (kept.size === 0) {
      outcome.checks.push(check(false, `none of the ${traffic.length} requests' traces in Jaeger after ${waited}s`));
      outcome.hints.push(hints.tailSamplingKeptNothing(context.options.timeoutMs / 1000));
      return outcome;
    }
    const verdict = judge(traffic, kept, waited);
    outcome.checks.push(...verdict.checks);
    outcome.hints.push(...verdict.hints);
    outcome.data = { keptRange: KEPT_RANGE, kept: Object.fromEntries(verdict.counts) };
    return outcome;
  },
};

// The failing and slow orders spread among the ordinary requests, one sent last, so that once they
// are all decided so is every request sent before them.
export function trafficKinds(): TrafficKind[] {
  const special: TrafficKind[] = Array.from({ length: SAMPLE.errors + SAMPLE.slow }, (_, i) => (i % 2 === 0 ? 'error' : 'slow'));
  const every = Math.floor(SAMPLE.ordinary / special.length);
  return special.flatMap((kind) => [...Array<TrafficKind>(every).fill('ordinary'), kind]).concat(Array<TrafficKind>(SAMPLE.ordinary - every * special.length).fill('ordinary'));
}

function send(context: TaskContext, kind: TrafficKind): Promise<SentRequest> {
  if (kind === 'error') return context.sendOrder(ERROR_SCENARIO.baggage);
  if (kind === 'slow') return context.sendOrder(SLOW_SCENARIO.baggage);
  return context.sendUsers();
}

const EXPECTED_STATUS: Record<TrafficKind, (status: number) => boolean> = {
  error: (status) => status >= 500,
  slow: (status) => status === 201,
  ordinary: (status) => status === 200,
};

function answeredAsExpected({ kind, request }: SentTraffic): boolean {
  return request.traceId !== undefined && request.status !== undefined && EXPECTED_STATUS[kind](request.status);
}

// Whole: a slow order's trace has every span of the order, the notifier's included; an ordinary
// request's every span of GET /api/users; a failed order's the frontend's and the backend's server
// spans. In each, no span waits for a parent.
export function isWhole(kind: TrafficKind, spans: Span[]): boolean {
  if (kind === 'slow') return isComplete(spans, ORDER_SKELETON);
  if (kind === 'ordinary') return isComplete(spans, USERS_TRACE);
  const served = ['frontend', 'backend'].every((service) => spans.some((s) => s.service === service && s.kind === 'server'));
  return served && spansMissingTheirParent(spans).length === 0;
}

// The run's traces in Jaeger, by trace id, polled until every failing and slow order is whole and
// nothing new has come for a while, until nothing has come for long, or until the deadline.
async function awaitDecisions(context: TaskContext, traffic: SentTraffic[], sinceMs: number): Promise<Map<string, Span[]>> {
  const ids = new Set(traffic.map((t) => t.request.traceId as string));
  const mustKeep = traffic.filter((t) => t.kind !== 'ordinary');
  const settled = new GrowthWatch(SETTLED_MS);
  const decided = new GrowthWatch(DECIDED_MS);
  let kept = new Map<string, Span[]>();
  await poll(
    `the sampling decisions on ${traffic.length} requests`,
    async () => {
      const found = await context.searchTraces({ service: 'frontend', sinceMs, tags: { [RUN_BAGGAGE_KEY]: context.runId }, limit: 1000 });
      kept = new Map(found.filter((t) => ids.has(t.traceId)).map((t) => [t.traceId, t.spans]));
      const spans = [...kept.values()].reduce((sum, s) => sum + s.length, 0);
      const allKept = mustKeep.every((t) => isWhole(t.kind, kept.get(t.request.traceId as string) ?? []));
      const quiet = settled.stalled(spans);
      const done = spans > 0 && ((allKept && quiet) || decided.stalled(spans));
      return { value: kept, done, seen: `${kept.size} of ${traffic.length} traces in Jaeger` };
    },
    { timeoutMs: context.options.timeoutMs, intervalMs: 1000 },
  );
  return kept;
}

// What Jaeger kept of each kind, against what it should have.
export function judge(traffic: SentTraffic[], kept: Map<string, Span[]>, waited: string): { checks: Check[]; hints: Hint[]; counts: Map<TrafficKind, number> } {
  const checks: Check[] = [];
  const found: Hint[] = [];
  const of = (kind: TrafficKind) => traffic.filter((t) => t.kind === kind);
  const keptOf = (kind: TrafficKind) => of(kind).filter((t) => kept.has(t.request.traceId as string));
  const counts = new Map<TrafficKind, number>((['error', 'slow', 'ordinary'] as const).map((kind) => [kind, keptOf(kind).length]));
  const [errors, slow, ordinary] = [of('error').length, of('slow').length, of('ordinary').length];
  const keptErrors = counts.get('error') ?? 0;
  checks.push(check(keptErrors === errors, `${keptErrors}/${errors} traces of failed orders (status ERROR) in Jaeger after ${waited}s`));
  if (keptErrors < errors) found.push(hints.errorsNotKept(errors - keptErrors, errors));
  const keptSlow = counts.get('slow') ?? 0;
  checks.push(check(keptSlow === slow, `${keptSlow}/${slow} traces longer than 2 s (lab.scenario=slow-notifier) in Jaeger`));
  if (keptSlow < slow) found.push(hints.slowNotKept(slow - keptSlow, slow));
  const keptOrdinary = counts.get('ordinary') ?? 0;
  const inRange = keptOrdinary >= KEPT_RANGE.low && keptOrdinary <= KEPT_RANGE.high;
  checks.push(check(inRange, `${keptOrdinary}/${ordinary} ordinary requests (GET /api/users) in Jaeger, ${Math.round((100 * keptOrdinary) / ordinary)}% (10% keeps ${KEPT_RANGE.low} to ${KEPT_RANGE.high})`));
  if (keptOrdinary === 0 || keptOrdinary === ordinary) found.push(hints.noProbabilisticPolicy(keptOrdinary, ordinary));
  else if (!inRange) found.push(hints.keptShareWrong(keptOrdinary, ordinary, KEPT_RANGE.low, KEPT_RANGE.high));
  const torn = traffic.filter((t) => kept.has(t.request.traceId as string) && !isWhole(t.kind, kept.get(t.request.traceId as string) ?? []));
  checks.push(check(torn.length === 0, torn.length === 0 ? `every kept trace whole` : `${torn.length} kept trace(s) lack spans, e.g. ${torn[0]?.request.traceId}`));
  if (torn.length) found.push(hints.keptTraceTorn(torn.length));
  return { checks, hints: found, counts };
}
