import { SERVICES } from '../expectations.js';
import { tracingProblems } from '../health-report.js';
import { type Hint, hints } from '../hints.js';
import type { TaskContext } from '../run-context.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { requestProblem } from './request-problem.js';

// Task 3: spans of every service reach Jaeger, for the checker's own requests.

export const tracesArriving: Task = {
  id: 3,
  title: 'Traces are arriving in Jaeger for every service',
  points: 10,
  async run(context) {
    const probe = await context.probe();
    const outcome: TaskOutcome = { checks: [], hints: [] };
    for (const followed of [probe.order, probe.users]) {
      const problem = requestProblem(followed, context.options.timeoutMs);
      if (problem) {
        outcome.checks.push(check(false, problem.text));
        outcome.hints.push(problem.hint);
      }
    }
    const spans = [...(probe.order.trace?.spans ?? []), ...(probe.users.trace?.spans ?? [])];
    for (const service of SERVICES) {
      const count = spans.filter((s) => s.service === service.name).length;
      if (count) {
        outcome.checks.push(check(true, `${service.name}: ${count} spans in the checker's traces`));
        continue;
      }
      const orphans = await orphansOf(context, service.name);
      if (orphans) {
        outcome.checks.push(check(true, `${service.name}: spans arrive, but in trace ${orphans} of their own (see tasks 4 and 5)`));
        continue;
      }
      outcome.checks.push(check(false, `${service.name}: no spans from the checker's requests`));
      outcome.hints.push(await whyNoSpans(context, service.name));
    }
    if (outcome.checks.some((c) => !c.ok) && (await context.jaegerServices()).some((s) => s.startsWith('unknown_service'))) {
      outcome.hints.push(hints.unknownServiceInJaeger());
    }
    return outcome;
  },
};

// A trace other than the checker's own, made while its requests ran, that holds the service's spans:
// rooted in the service, or in a service upstream of it whose context was lost on the way.
async function orphansOf(context: TaskContext, service: string): Promise<string | undefined> {
  const probe = await context.probe();
  const own = new Set([probe.order.request.traceId, probe.users.request.traceId]);
  for (const followed of [probe.order, probe.users]) {
    const { sentAtMs, answeredAtMs } = followed.request;
    const found = await context.searchTraces({ service, sinceMs: sentAtMs, untilMs: answeredAtMs + ASYNC_SLACK_MS, limit: 20 });
    const orphan = found.find((trace) => !own.has(trace.traceId));
    if (orphan) return orphan.traceId;
  }
  return undefined;
}

// How long after its answer a request's asynchronous work (the notifier's) may still start.
const ASYNC_SLACK_MS = 10_000;

async function whyNoSpans(context: TaskContext, service: string): Promise<Hint> {
  const health = (await context.health()).get(service);
  if (!health?.reachable) return hints.serviceDown(service, health?.url ?? '', health?.error ?? '');
  const problems = health.body ? tracingProblems(service, health.body) : [];
  return problems[0] ?? hints.noSpansFrom(service);
}
