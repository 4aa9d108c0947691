import { randomBytes } from 'node:crypto';
import { ORDER_SKELETON } from '../expectations.js';
import { hints } from '../hints.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { rootsOf } from '../trace-shape.js';
import { requestProblem } from './request-problem.js';

// Task 10: head sampling keeps traces whole. An order arrives with a traceparent whose caller decided
// not to sample it: the frontend says so in its traceresponse, and no service records a span of it.
// A service that records it anyway has a sampler that ignores its parent, the one that tears traces.

export const samplingHonoured: Task = {
  id: 10,
  title: "Every service follows the caller's sampling decision",
  points: 10,
  async run(context) {
    const outcome: TaskOutcome = { checks: [], hints: [] };
    const traceId = randomBytes(16).toString('hex');
    const unsampled = await context.sendOrder(undefined, undefined, `00-${traceId}-${randomBytes(8).toString('hex')}-00`);
    if (unsampled.status !== 201) {
      outcome.checks.push(check(false, `POST /api/orders with an unsampled traceparent answered ${unsampled.status ?? unsampled.error}, expected 201`));
      return outcome;
    }
    const honoured = unsampled.sampled === false;
    outcome.checks.push(check(honoured, `traceresponse for the unsampled order: ${unsampled.sampled === undefined ? 'missing' : unsampled.sampled ? 'sampled' : 'not sampled'}`));
    if (unsampled.sampled) outcome.hints.push(hints.frontendIgnoresParent());

    // A sampled order sent after it, followed until complete: whatever the unsampled one made has
    // been exported by then too, since every service exports on the same schedule.
    const control = await context.follow(await context.sendOrder(), ORDER_SKELETON);
    const problem = requestProblem(control, context.options.timeoutMs);
    if (problem) {
      outcome.checks.push(check(false, `the sampled order sent after it: ${problem.text}`));
      outcome.hints.push(problem.hint);
      return outcome;
    }
    const recorded = (await context.readTrace(traceId))?.spans ?? [];
    const services = [...new Set(recorded.map((s) => s.service))].sort();
    outcome.checks.push(
      check(recorded.length === 0, recorded.length === 0 ? 'no span of the unsampled order in Jaeger' : `${recorded.length} spans of the unsampled order in Jaeger, from ${services.join(', ')}`),
    );
    // The services at the top of what was recorded are the ones that overrode the decision; those
    // below them only followed.
    for (const service of new Set(rootsOf(recorded).map((s) => s.service))) {
      if (service !== 'frontend' || !unsampled.sampled) outcome.hints.push(hints.samplerIgnoresParent(service));
    }
    outcome.data = { unsampledTraceId: traceId, controlTraceId: control.request.traceId };
    return outcome;
  },
};
