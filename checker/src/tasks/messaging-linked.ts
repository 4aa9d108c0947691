import { MESSAGING_EDGE, NOTIFIER_EDGES, ORDER_TRACE, type ExpectedSpan } from '../expectations.js';
import { looksLike } from '../expected-spans.js';
import { type Hint, hints } from '../hints.js';
import { findMessagingJoin } from '../messaging-join.js';
import type { FollowedRequest, TaskContext } from '../run-context.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { crossServiceEdges, describeSpan } from '../trace-shape.js';
import { requestProblem } from './request-problem.js';
import { whyServiceAbsent } from './service-absent.js';
import { sweptOrderOutcome } from './swept-order.js';

// Task 5: the notifier's processing of the order.created message joins the database service's publish span,
// as its child or through a span link (both are correct OpenTelemetry; the checker says which), and
// the notifier's own call to the database continues from there. Once the order's message hop is right,
// an order published late by the outbox relay's sweep (swept-order.ts): child or link, again.

const PRODUCER = ORDER_TRACE.find((e) => e.id === MESSAGING_EDGE.producer) as ExpectedSpan;
const CONSUMER = ORDER_TRACE.find((e) => e.id === MESSAGING_EDGE.consumer) as ExpectedSpan;

export const messagingLinked: Task = {
  id: 5,
  title: 'Traces are linked across RabbitMQ',
  points: 10,
  async run(context) {
    const { order } = await context.probe();
    const outcome: TaskOutcome = { checks: [], hints: [] };
    const problem = requestProblem(order, context.options.timeoutMs);
    if (problem || !order.trace) {
      outcome.checks.push(check(false, problem?.text ?? 'order trace missing'));
      if (problem) outcome.hints.push(problem.hint);
      return outcome;
    }
    const spans = order.trace.spans;
    const producers = spans.filter((s) => looksLike(s, PRODUCER));
    if (!producers.length) {
      const backendThere = spans.some((s) => s.service === PRODUCER.service);
      outcome.checks.push(check(false, `order trace: no ${PRODUCER.service}(producer) span for the publish`));
      outcome.hints.push(backendThere ? hints.noPublishSpan() : await whyServiceAbsent(context, order.request, 'frontend', PRODUCER.service));
      return outcome;
    }
    const join = findMessagingJoin(producers, spans.filter((s) => looksLike(s, CONSUMER)));
    if (!join) {
      outcome.checks.push(check(false, `order trace: no ${CONSUMER.service}(consumer) span joined to ${describeSpan(producers[0]!)}`));
      outcome.hints.push(await whyNotJoined(context, order));
      return outcome;
    }
    const how =
      join.kind === 'child'
        ? `is a child of ${describeSpan(join.producer)}`
        : `is linked to ${describeSpan(join.producer)} (a span link${join.consumer.traceId === join.producer.traceId ? '' : `, from trace ${join.consumer.traceId}`})`;
    outcome.checks.push(check(true, `${describeSpan(join.consumer)} ${how}`));
    outcome.data = { join: join.kind, consumerTraceId: join.consumer.traceId };

    const edges = crossServiceEdges(spans);
    for (const edge of NOTIFIER_EDGES) {
      outcome.checks.push(check(edges.includes(edge), `the notifier's work continues the trace: ${edge}`));
      if (!edges.includes(edge)) outcome.hints.push(hints.notifierCallDetached(edge));
    }
    if (outcome.checks.every((c) => c.ok)) {
      const swept = await sweptOrderOutcome(context);
      outcome.checks.push(...swept.checks);
      outcome.hints.push(...swept.hints);
    }
    return outcome;
  },
};

async function whyNotJoined(context: TaskContext, order: FollowedRequest): Promise<Hint> {
  const notifier = (await context.health()).get(CONSUMER.service);
  if (!notifier?.reachable) return hints.notifierNotRunning(notifier?.url ?? '', notifier?.error ?? '');
  if (notifier.body?.dependencies.rabbitmq === 'down') return hints.notifierNotConnected();
  const orphan = (await context.orphanTraces(CONSUMER.service, order.request))[0];
  if (orphan) return hints.propagationBroken(PRODUCER.service, CONSUMER.service, orphan.traceId, true);
  return hints.notifierSilent();
}
