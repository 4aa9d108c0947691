import { HTTP_EDGES, ORDER_TRACE, type ExpectedSpan, USERS_TRACE } from '../expectations.js';
import { type Hint, hints } from '../hints.js';
import type { FollowedRequest, TaskContext } from '../run-context.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import {
  crossServiceEdges,
  describeSpan,
  edgesBetween,
  invalidParentWarnings,
  rootsOf,
  servicesIn,
  servicesOfEdge,
  spansMissingTheirParent,
} from '../trace-shape.js';
import { requestProblem } from './request-problem.js';
import { whyServiceAbsent } from './service-absent.js';

// Task 4: the checker's requests are each one trace across HTTP: the expected edges with the right
// span kinds, one root (the frontend's server span), and no span whose parent never arrived.

export const httpLinked: Task = {
  id: 4,
  title: 'Traces are linked across HTTP',
  points: 10,
  async run(context) {
    const probe = await context.probe();
    const outcome: TaskOutcome = { checks: [], hints: [] };
    await judge(context, outcome, 'users', probe.users, USERS_TRACE);
    await judge(context, outcome, 'order', probe.order, ORDER_TRACE);
    return outcome;
  },
};

async function judge(context: TaskContext, outcome: TaskOutcome, label: string, followed: FollowedRequest, table: ExpectedSpan[]): Promise<void> {
  const problem = requestProblem(followed, context.options.timeoutMs);
  if (problem || !followed.trace) {
    outcome.checks.push(check(false, problem?.text ?? `${label} trace missing`));
    if (problem) outcome.hints.push(problem.hint);
    return;
  }
  const spans = followed.trace.spans;
  const edges = crossServiceEdges(spans);
  for (const edge of HTTP_EDGES) {
    if (edges.includes(edge)) {
      outcome.checks.push(check(true, `${label} trace: ${edge}`));
      continue;
    }
    outcome.checks.push(check(false, `${label} trace: no ${edge}`));
    const why = await whyEdgeMissing(context, followed, edge);
    if (why) outcome.hints.push(why);
  }

  const roots = rootsOf(spans).sort((a, b) => a.startMicros - b.startMicros);
  const root = roots[0];
  const rootOk = roots.length === 1 && root?.service === 'frontend' && root.kind === 'server' && root.spanId === followed.request.spanId;
  outcome.checks.push(
    check(
      rootOk,
      roots.length === 1
        ? `${label} trace: one root, ${describeSpan(root!)}${root!.spanId === followed.request.spanId ? ', the span the traceresponse header names' : ''}`
        : `${label} trace: ${roots.length} roots (${roots.map(describeSpan).join(', ')})`,
    ),
  );

  const orphans = spansMissingTheirParent(spans);
  outcome.checks.push(
    check(
      orphans.length === 0,
      orphans.length === 0
        ? `${label} trace: every span's parent is in the trace`
        : `${label} trace: ${orphans.length} span(s) whose parent never arrived (${orphans.slice(0, 3).map(describeSpan).join(', ')})`,
    ),
  );
  if (orphans.length) {
    const expectedServices = [...new Set(table.map((e) => e.service))];
    const present = servicesIn(spans);
    const culprits = expectedServices.filter((s) => !present.includes(s));
    const warnings = invalidParentWarnings(spans);
    outcome.hints.push(hints.parentNeverExported(warnings.length ? warnings : orphans.map((s) => `${describeSpan(s)} names parent ${s.parentSpanId}`), culprits));
  }
}

// The likely bug behind a missing edge; undefined when the caller's own spans are missing, which the
// edge into the caller already explains.
async function whyEdgeMissing(context: TaskContext, followed: FollowedRequest, edge: string): Promise<Hint | undefined> {
  const spans = followed.trace?.spans ?? [];
  const { parent, child } = servicesOfEdge(edge);
  const found = edgesBetween(spans, parent, child);
  if (found.length) return hints.wrongKinds(edge, found);
  if (!spans.some((s) => s.service === parent)) return undefined;
  if (spans.some((s) => s.service === child) && !(await context.orphanTraces(child, followed.request)).length) return hints.parentNeverExported([], [parent]);
  return whyServiceAbsent(context, followed.request, parent, child);
}
