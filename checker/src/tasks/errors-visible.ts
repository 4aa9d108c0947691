import { ERROR_SCENARIO } from '../expectations.js';
import { bestErrorSpan, isFullyRecorded } from '../error-evidence.js';
import { hints } from '../hints.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { describeSpan } from '../trace-shape.js';
import { requestProblem } from './request-problem.js';

// Task 7: an order sent with the backend-error fault scenario fails, and the backend's span shows
// the error the OpenTelemetry way: ERROR status, an exception event, error.type.

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
    outcome.data = { traceId: request.traceId };
    return outcome;
  },
};
