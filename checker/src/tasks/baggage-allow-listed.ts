import { PRIVATE_BAGGAGE, RUN_BAGGAGE_KEY, SERVICE_NAMES } from '../expectations.js';
import { hints } from '../hints.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { requestProblem } from './request-problem.js';

// Task 9: baggage becomes span attributes only for allow-listed keys. An order carries the run's
// `lab.checker` entry and a `user.email` entry: every service's spans must show the first and none
// may show the second.

export const baggageAllowListed: Task = {
  id: 9,
  title: 'Only allow-listed baggage reaches the spans',
  points: 10,
  async run(context) {
    const outcome: TaskOutcome = { checks: [], hints: [] };
    const request = await context.sendOrder(`${PRIVATE_BAGGAGE.key}=${encodeURIComponent(PRIVATE_BAGGAGE.value)}`);
    const followed = await context.follow(request, [], (spans) => SERVICE_NAMES.every((service) => spans.some((s) => s.service === service)));
    const problem = requestProblem(followed, context.options.timeoutMs);
    if (problem || !followed.trace) {
      outcome.checks.push(check(false, problem?.text ?? 'order trace missing'));
      if (problem) outcome.hints.push(problem.hint);
      return outcome;
    }
    const spans = followed.trace.spans;
    for (const service of SERVICE_NAMES) {
      const own = spans.filter((s) => s.service === service);
      if (!own.length) {
        outcome.checks.push(check(false, `${service}: no spans in the order's trace`));
        outcome.hints.push(hints.serviceAbsentFromTrace(service));
        continue;
      }
      const untagged = own.filter((s) => s.tags[RUN_BAGGAGE_KEY] !== context.runId).length;
      outcome.checks.push(check(untagged === 0, `${service}: ${own.length - untagged}/${own.length} spans carry ${RUN_BAGGAGE_KEY}=${context.runId}`));
      if (untagged) outcome.hints.push(hints.baggageNotCopied(RUN_BAGGAGE_KEY, service));
      const leaked = own.filter((s) => PRIVATE_BAGGAGE.key in s.tags).length;
      outcome.checks.push(check(leaked === 0, `${service}: ${leaked} spans carry ${PRIVATE_BAGGAGE.key} from baggage`));
      if (leaked) outcome.hints.push(hints.baggageLeaked(PRIVATE_BAGGAGE.key, service));
    }
    outcome.data = { traceId: request.traceId };
    return outcome;
  },
};
