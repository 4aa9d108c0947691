import { ERROR_SCENARIO, REJECTED_ORDER } from '../expectations.js';
import { bestErrorSpan, errorEvidence, isFullyRecorded } from '../error-evidence.js';
import { hints } from '../hints.js';
import type { TaskContext } from '../run-context.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { describeSpan } from '../trace-shape.js';
import { requestProblem } from './request-problem.js';

// Task 7: an order sent with the backend-error fault scenario fails, and the backend's span shows
// the error the OpenTelemetry way: ERROR status, an exception event, error.type. And an order the
// mesh rejects as the caller's mistake (a 4xx) leaves no server span marked ERROR.

export const errorsVisible: Task = {
  id: 7,
  title: 'Errors are visible',
  points: 10,
  async run(context) {
    const outcome: TaskOutcome = { checks: [], hints: [] };
    const request = await context.sendOrder(ERROR_SCENARIO.baggage);
    const failed = request.status !== undefined && request.status >= 500;
    outcome.checks.push(
      check(failed, `POST /api/orders with baggage ${ERROR_SCENARIO.baggage} answered ${request.status ?? request.error}${failed ? '' : ', expected a 5xx'}`),
    );
    if (!failed) {
      outcome.hints.push(request.status === undefined ? hints.requestFailed(request.what, request.error ?? '') : hints.faultNotHonoured(ERROR_SCENARIO.baggage, request.status));
      return outcome;
    }
    const followed = await context.follow(request, [], (spans) => {
      const best = bestErrorSpan(spans, ERROR_SCENARIO.service);
      return best !== undefined && isFullyRecorded(best);
    });
    const problem = requestProblem(followed, context.options.timeoutMs);
    const evidence = followed.trace && bestErrorSpan(followed.trace.spans, ERROR_SCENARIO.service);
    if (problem || !evidence) {
      outcome.checks.push(check(false, problem?.text ?? `no ${ERROR_SCENARIO.service} span in the failed request's trace`));
      outcome.hints.push(problem?.hint ?? hints.hopMissing('frontend', ERROR_SCENARIO.service));
      return outcome;
    }
    const span = describeSpan(evidence.span);
    outcome.checks.push(check(evidence.status, `${span}: status ${evidence.status ? 'ERROR' : 'not ERROR'}`));
    if (!evidence.status) outcome.hints.push(hints.errorStatusMissing(span));
    const exception = evidence.exception;
    outcome.checks.push(
      check(exception !== undefined, exception ? `${span}: exception event ${String(exception.type)}: "${String(exception.message)}"` : `${span}: no exception event`),
    );
    if (!exception) outcome.hints.push(hints.exceptionMissing(span));
    const typed = evidence.errorType !== undefined;
    outcome.checks.push(check(typed, typed ? `${span}: error.type=${String(evidence.errorType)}` : `${span}: no error.type attribute`));
    if (!typed) outcome.hints.push(hints.errorTypeMissing(span));
    const rejected = await clientErrorNotMarked(context, outcome);
    outcome.data = { traceId: request.traceId, rejectedTraceId: rejected };
    return outcome;
  },
};

async function clientErrorNotMarked(context: TaskContext, outcome: TaskOutcome): Promise<string | undefined> {
  const request = await context.sendOrder(undefined, REJECTED_ORDER);
  const rejected = request.status !== undefined && request.status >= 400 && request.status < 500;
  if (!rejected) {
    outcome.checks.push(check(false, `POST /api/orders with quantity ${REJECTED_ORDER.quantity} answered ${request.status ?? request.error}, expected a 4xx`));
    return request.traceId;
  }
  // Both services that answer it are awaited: the frontend's server span and the backend's that rejected it.
  const followed = await context.follow(request, [], (spans) => ['frontend', 'backend'].every((service) => spans.some((s) => s.service === service && s.kind === 'server')));
  const problem = requestProblem(followed, context.options.timeoutMs);
  if (problem || !followed.trace) {
    outcome.checks.push(check(false, problem?.text ?? 'the rejected order has no trace'));
    if (problem) outcome.hints.push(problem.hint);
    return request.traceId;
  }
  const marked = followed.trace.spans.filter((s) => s.kind === 'server' && errorEvidence(s).status);
  outcome.checks.push(
    check(
      marked.length === 0,
      marked.length === 0
        ? `POST /api/orders rejected with ${request.status}: no server span marked ERROR`
        : `POST /api/orders rejected with ${request.status}: ${marked.map(describeSpan).join(', ')} marked ERROR`,
    ),
  );
  for (const span of marked) outcome.hints.push(hints.clientErrorMarked(describeSpan(span), request.status as number));
  return request.traceId;
}
