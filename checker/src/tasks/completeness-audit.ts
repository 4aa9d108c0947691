import { mapWithConcurrency } from '../concurrency.js';
import { type ExpectedSpan, ORDER_SKELETON } from '../expectations.js';
import { describeExpected, isComplete, looksLike, missingSpans, withLinkedTraces } from '../expected-spans.js';
import { type Hint, hints } from '../hints.js';
import type { Trace } from '../jaeger-trace.js';
import type { SentRequest } from '../mesh-client.js';
import { GrowthWatch } from '../growth-watch.js';
import { formatSeconds, poll } from '../poll.js';
import type { TaskContext } from '../run-context.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { spansMissingTheirParent } from '../trace-shape.js';

// Task 8: under a little load of its own, every one of the checker's orders becomes a complete trace
// in Jaeger: no span lost between the services and Jaeger.

const SEND_CONCURRENCY = 10;
const READ_CONCURRENCY = 8;
const CONSUMER = ORDER_SKELETON.find((e) => e.kind === 'consumer');
const MAX_LINES = 5;

export const completenessAudit: Task = {
  id: 8,
  title: 'Completeness audit: every order becomes a complete trace',
  points: 10,
  async run(context) {
    const count = context.options.audit;
    const startedAtMs = Date.now();
    const requests = await mapWithConcurrency(Array.from({ length: count }), SEND_CONCURRENCY, () => context.sendOrder());
    const outcome: TaskOutcome = { checks: [], hints: [] };

    const answered = requests.filter((r) => r.status === 201 && r.traceId);
    const failed = requests.filter((r) => !answered.includes(r));
    outcome.checks.push(check(failed.length === 0, `sent ${count} orders: ${answered.length} answered 201 with a trace id`));
    // A 201 without a trace id is the frontend not tracing, which task 2's "is it running?" would not explain.
    const untraced = failed.find((r) => r.status === 201);
    if (untraced) outcome.hints.push(hints.noTraceResponse(untraced.what));
    const broken = failed.filter((r) => r.status !== 201);
    if (broken.length) outcome.hints.push(hints.requestsFailed(broken.length, statusCounts(broken)));

    const traces = await followAll(context, answered, startedAtMs);
    const waited = formatSeconds(Date.now() - startedAtMs);
    const incomplete = answered.filter((r) => !isComplete(traces.get(r.traceId as string)?.spans ?? [], ORDER_SKELETON));
    const completeCount = answered.length - incomplete.length;
    outcome.checks.push(
      check(
        completeCount === count,
        `${completeCount}/${count} traces complete after ${waited}s, deadline ${formatSeconds(context.options.timeoutMs)}s (every expected span present, no parent missing)`,
      ),
    );
    const missing = summarizeIncomplete(incomplete.map((r) => traces.get(r.traceId as string)));
    for (const [what, times] of missing.lines.slice(0, MAX_LINES)) outcome.checks.push(check(false, `${times}× ${what}`));
    for (const [service, times] of missing.byService) outcome.hints.push(await whyMissing(context, service, times, answered, missing.firstMissing.get(service)));
    outcome.data = {
      sent: count,
      complete: completeCount,
      incomplete: incomplete.map((r) => ({ traceId: r.traceId, missing: missingSpans(traces.get(r.traceId as string)?.spans ?? [], ORDER_SKELETON).map(describeExpected) })),
    };
    return outcome;
  },
};

// Polls every trace until all are complete, until none grows any more, or until the deadline; returns
// what was last seen of each.
async function followAll(context: TaskContext, requests: SentRequest[], sinceMs: number): Promise<Map<string, Trace>> {
  const latest = new Map<string, Trace>();
  const pending = new Set(requests.map((r) => r.traceId as string));
  const growth = new GrowthWatch();
  await poll(
    `${requests.length} traces to be complete in Jaeger`,
    async () => {
      const needLinked = [...pending].some((id) => !latest.get(id)?.spans.some((s) => CONSUMER && looksLike(s, CONSUMER)));
      const linked = needLinked ? await context.linkedTraces(sinceMs) : [];
      await mapWithConcurrency([...pending], READ_CONCURRENCY, async (id) => {
        const trace = await context.readTrace(id);
        if (!trace) return;
        const merged = withLinkedTraces(trace, linked);
        latest.set(id, merged);
        if (isComplete(merged.spans, ORDER_SKELETON)) pending.delete(id);
      });
      const spans = [...latest.values()].reduce((sum, t) => sum + t.spans.length, 0);
      const done = pending.size === 0 || growth.stalled(spans);
      return { value: latest, done, seen: `${requests.length - pending.size}/${requests.length} complete` };
    },
    { timeoutMs: context.options.timeoutMs, intervalMs: 1000 },
  );
  return latest;
}

// What the incomplete traces lack, most frequent first, and how many traces each service lost spans in.
// Only the first span missing on each branch counts: the spans under it are missing because it is.
export function summarizeIncomplete(traces: (Trace | undefined)[]): {
  lines: [string, number][];
  byService: [string, number][];
  // Per service, the first of its expected spans found missing: where its part of the trace broke off.
  firstMissing: Map<string, ExpectedSpan>;
} {
  const lines = new Map<string, number>();
  const byService = new Map<string, number>();
  const firstMissing = new Map<string, ExpectedSpan>();
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const trace of traces) {
    if (!trace) {
      bump(lines, 'trace never reached Jaeger');
      bump(byService, 'frontend');
      continue;
    }
    const all = missingSpans(trace.spans, ORDER_SKELETON);
    const missing = all.filter((e) => !all.some((above) => above.id === e.under));
    missing.forEach((e) => bump(lines, `missing ${describeExpected(e)}`));
    missing.forEach((e) => firstMissing.has(e.service) || firstMissing.set(e.service, e));
    if (spansMissingTheirParent(trace.spans).length) bump(lines, 'a span whose parent never arrived');
    new Set(missing.map((e) => e.service)).forEach((service) => bump(byService, service));
  }
  const sorted = (map: Map<string, number>): [string, number][] => [...map].sort((a, b) => b[1] - a[1]);
  return { lines: sorted(lines), byService: sorted(byService), firstMissing };
}

// Spans missing from a trace were lost in export, or never part of it: the service's spans started
// traces of their own (the context did not cross the hop into it), a span is made in no trace at all
// (a producer span that nothing creates), or the service never sampled them (its /health counts no
// span dropped). Only the first is a matter of the export pipeline.
async function whyMissing(context: TaskContext, service: string, times: number, answered: SentRequest[], first: ExpectedSpan | undefined): Promise<Hint> {
  if (first && answered.length) {
    const during = { ...(answered[0] as SentRequest), answeredAtMs: Math.max(...answered.map((r) => r.answeredAtMs)) };
    // The hop that broke: into this service (its first missing span is called from another one), or
    // out of it (the missing span is its call to another service, which then started on its own).
    const above = ORDER_SKELETON.find((e) => e.id === first.under);
    const callee = ORDER_SKELETON.find((e) => e.under === first.id && e.service !== service);
    const hop = above && above.service !== service ? { from: above.service, to: service } : callee ? { from: service, to: callee.service } : undefined;
    const orphan = hop && (await context.orphanTraces(hop.to, during))[0];
    if (hop && orphan) return hints.propagationBroken(hop.from, hop.to, orphan.traceId, first.kind === 'consumer' || first.kind === 'producer');
  }
  // Missing from every order, and not for want of sampling or exporting: the span is never made.
  if (first?.kind === 'producer' && times === answered.length) return hints.noPublishSpan();
  const callee = ORDER_SKELETON.find((e) => e.under === first?.id && e.service !== service);
  if (first?.kind === 'client' && callee && times === answered.length) return hints.clientSpanMissing(service, callee.service);
  // Spans lost before export are counted by the service itself; none counted means none were lost.
  const health = (await context.health()).get(service);
  if (health?.reachable && health.body?.tracing.spans?.dropped === 0) return hints.spansNeverSampled(service, times);
  return hints.spansLost(service, times);
}

export function statusCounts(requests: SentRequest[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const key = r.status === undefined ? (r.error ?? 'no answer') : r.status === 201 ? '201 without traceresponse' : String(r.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n}× ${key}`).join(', ');
}
