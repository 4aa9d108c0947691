import { CUSTOM_SPANS, ORDER_TRACE, type ExpectedSpan, PROBE_ORDER } from '../expectations.js';
import { checkAttributes, describeAttribute } from '../custom-attributes.js';
import { hints } from '../hints.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { requestProblem } from './request-problem.js';

// Task 6: the business spans a learner adds by hand are in the order's trace, with their attributes
// carrying the values of the checker's own order.

// A number in a span's name, such as an id: a name that changes with every request.
const PER_REQUEST_VALUE = /\b\d+\b/;

export const customSpans: Task = {
  id: 6,
  title: 'Custom spans and their attributes are present',
  points: 10,
  async run(context) {
    const { order, orderId } = await context.probe();
    const outcome: TaskOutcome = { checks: [], hints: [] };
    const problem = requestProblem(order, context.options.timeoutMs);
    if (problem || !order.trace) {
      outcome.checks.push(check(false, problem?.text ?? 'order trace missing'));
      if (problem) outcome.hints.push(problem.hint);
      return outcome;
    }
    const spans = order.trace.spans;
    for (const custom of CUSTOM_SPANS) {
      const expected = ORDER_TRACE.find((e) => e.id === custom.span) as ExpectedSpan;
      const name = String(expected.name);
      const span = spans.find((s) => s.service === expected.service && s.operation === name);
      if (!span) {
        outcome.checks.push(check(false, `${expected.service}: no "${name}" span in the order's trace`));
        const numbered = spans.find((s) => s.service === expected.service && s.kind === expected.kind && PER_REQUEST_VALUE.test(s.operation));
        if (numbered) outcome.hints.push(hints.spanNameUnbounded(numbered.operation, PER_REQUEST_VALUE.exec(numbered.operation)?.[0] ?? ''));
        else if (spans.some((s) => s.service === expected.service)) outcome.hints.push(hints.customSpanMissing(name, expected.service, custom.where));
        else outcome.hints.push(hints.serviceAbsentFromTrace(expected.service));
        continue;
      }
      if (span.kind !== expected.kind) {
        outcome.checks.push(check(false, `${expected.service}: "${name}" is a ${span.kind.toUpperCase()} span, expected ${expected.kind.toUpperCase()}`));
        outcome.hints.push(hints.spanKindWrong(name, expected.kind, span.kind, custom.where));
      }
      const attributes = checkAttributes(span, custom.attributes, { ...PROBE_ORDER, orderId });
      const wrong = attributes.filter((a) => !a.ok);
      outcome.checks.push(check(wrong.length === 0, `${expected.service}: "${name}" with ${attributes.map(describeAttribute).join(', ')}`));
      if (wrong.length) outcome.hints.push(hints.attributeMissing(name, wrong.map((a) => a.key), custom.where));
    }
    return outcome;
  },
};
