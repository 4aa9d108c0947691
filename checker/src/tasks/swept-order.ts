import type { Trace } from '@tracing-lab/trace-analysis';
import { OUTBOX_BATCH, SWEPT_ORDER_BAGGAGE } from '../expectations.js';
import { hints } from '../hints.js';
import { publishedInOwnTrace, sweepShape } from '../outbox-batch.js';
import { poll } from '../poll.js';
import type { TaskContext } from '../run-context.js';
import { check, type TaskOutcome } from '../task.js';
import { describeSpan } from '../trace-shape.js';
import { requestProblem } from './request-problem.js';

// Task 5, its second half: an order whose event the outbox relay's sweep publishes (the fault scenario
// outbox-backlog skips the publish right after the commit). Child or link: the sweep's batch span must
// start a trace of its own and link to the order's trace, while the order's publish stays in the order's
// trace.

// How long the batch span may take to reach Jaeger once the order's publish is there: both end within
// milliseconds of each other, and each service exports every 500 ms.
const BATCH_WAIT_MS = 5_000;

export async function sweptOrderOutcome(context: TaskContext): Promise<TaskOutcome> {
  const outcome: TaskOutcome = { checks: [], hints: [] };
  const followed = await context.follow(await context.sendOrder(SWEPT_ORDER_BAGGAGE), [], publishedInOwnTrace);
  const problem = requestProblem(followed, context.options.timeoutMs);
  if (problem || !followed.trace) {
    outcome.checks.push(check(false, problem?.text ?? 'swept order trace missing'));
    if (problem) outcome.hints.push(problem.hint);
    return outcome;
  }
  const order = followed.trace;
  const published = publishedInOwnTrace(order.spans);
  const shape = sweepShape(order, await batchTraces(context, order, followed.request.sentAtMs, published));
  outcome.checks.push(check(published, `order left to the outbox relay's sweep (${SWEPT_ORDER_BAGGAGE}): its publish continues its trace ${order.traceId}`));
  if (!published) {
    outcome.hints.push(shape.kind === 'publishAdopted' ? hints.batchPublishAdopted(describeSpan(shape.batch)) : hints.sweptOrderNotPublished(context.options.timeoutMs / 1000));
    return outcome;
  }
  const batch = `the sweep's ${OUTBOX_BATCH.service}(${OUTBOX_BATCH.kind}) "${OUTBOX_BATCH.name}" span`;
  if (shape.kind === 'linked') {
    outcome.checks.push(check(true, `${batch} starts trace ${shape.batch.traceId} of its own and links to the order's trace`));
    return outcome;
  }
  if (shape.kind === 'missing') {
    outcome.checks.push(check(false, `${batch}: none in Jaeger`));
    outcome.hints.push(hints.batchSpanMissing());
  } else if (shape.kind === 'unlinked') {
    outcome.checks.push(check(false, `${batch} has no link to the order's trace`));
    outcome.hints.push(hints.batchLinkMissing());
  } else {
    outcome.checks.push(check(false, `${batch} is a child in trace ${shape.batch.traceId}, an order's trace`));
    outcome.hints.push(hints.batchSpanInEventTrace(shape.batch.traceId));
  }
  return outcome;
}

// The database service's traces holding a batch span since the order was sent, once one of them leads to
// the order (or within BATCH_WAIT_MS; straight away when the order's publish never came).
async function batchTraces(context: TaskContext, order: Trace, sinceMs: number, published: boolean): Promise<Trace[]> {
  const search = () => context.searchTraces({ service: OUTBOX_BATCH.service, operation: OUTBOX_BATCH.name, sinceMs, limit: 50 });
  if (!published) return search();
  const result = await poll(
    `the outbox relay's batch span for trace ${order.traceId}`,
    async () => {
      const traces = await search();
      return { value: traces, done: sweepShape(order, traces).kind === 'linked', seen: `${traces.length} batch traces` };
    },
    { timeoutMs: Math.min(BATCH_WAIT_MS, context.options.timeoutMs) },
  );
  return result.value ?? [];
}
