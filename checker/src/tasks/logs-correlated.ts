import type { Span } from '@tracing-lab/trace-analysis';
import { SERVICE_NAMES } from '../expectations.js';
import { hints } from '../hints.js';
import { type LogLine, logFileOf } from '../log-lines.js';
import { poll } from '../poll.js';
import type { TaskContext } from '../run-context.js';
import { check, type Task, type TaskOutcome } from '../task.js';
import { requestProblem } from './request-problem.js';

// Task 11: a log line leads to its trace. Every service the checker's order went through wrote log
// lines that carry the order's trace id and, next to it, the id of one of that service's spans in the
// trace: from a line in the log, Jaeger shows the request, and the step within it that wrote the line.

// How long a line may take to reach the log file after its span reached Jaeger: the services write
// to stdout as they go, so this is only slack for a busy machine.
const LOG_SLACK_MS = 5_000;

export const logsCorrelated: Task = {
  id: 11,
  title: 'Every log line of a request leads to its trace',
  points: 5,
  async run(context) {
    const probe = await context.probe();
    const outcome: TaskOutcome = { checks: [], hints: [] };
    const problem = requestProblem(probe.order, context.options.timeoutMs);
    if (problem || !probe.order.trace) {
      outcome.checks.push(check(false, problem?.text ?? 'the order has no trace'));
      if (problem) outcome.hints.push(problem.hint);
      return outcome;
    }
    const spans = probe.order.trace.spans;
    // The notifier's spans may be in a trace of their own, linked to the order's (task 5 says which).
    const traceIds = new Set(spans.map((s) => s.traceId));
    // A service missing from the trace is tasks 3 to 5's business: its lines could not be joined anyway.
    const services = SERVICE_NAMES.filter((service) => spans.some((s) => s.service === service));
    const logs = await linesOfTheOrder(context, services, traceIds, probe.order.request.sentAtMs);
    for (const service of services) {
      const lines = logs.get(service);
      if (!lines) {
        outcome.checks.push(check(false, `${service}: no log file to read`));
        outcome.hints.push(hints.logsNotFound(service, logFileOf(context.options.logsDir, service)));
        continue;
      }
      judgeService(outcome, service, lines, spans, traceIds, probe.order.request.sentAtMs);
    }
    return outcome;
  },
};

// Each service's log lines, read until every one of them has a line of the order or the slack is up.
async function linesOfTheOrder(context: TaskContext, services: string[], traceIds: Set<string>, sentAtMs: number): Promise<Map<string, LogLine[] | undefined>> {
  const result = await poll(
    'a log line of the order in every service it went through',
    async () => {
      const logs = new Map(await Promise.all(services.map(async (service) => [service, await context.logLines(service, sentAtMs)] as const)));
      const waiting = services.filter((service) => logs.get(service)?.some((l) => l.trace_id && traceIds.has(l.trace_id)) === false);
      return { value: logs, done: waiting.length === 0, seen: `none yet from ${waiting.join(', ')}` };
    },
    { timeoutMs: Math.min(LOG_SLACK_MS, context.options.timeoutMs) },
  );
  return result.value ?? new Map();
}

function judgeService(outcome: TaskOutcome, service: string, lines: LogLine[], spans: Span[], traceIds: Set<string>, sentAtMs: number): void {
  const own = lines.filter((l) => l.trace_id && traceIds.has(l.trace_id));
  if (own.length === 0) {
    // Which lines are the order's cannot be told without the ids: those written since it was sent stand in.
    const since = lines.filter((l) => l.time >= sentAtMs);
    const stamped = [...new Set(since.flatMap((l) => (l.trace_id ? [l.trace_id] : [])))];
    outcome.checks.push(check(false, `${service}: no log line carries the order's trace id (${since.length} lines since it was sent, ${stamped.length} trace ids among them)`));
    outcome.hints.push(stamped.length ? hints.logIdsNotTheTrace(service, `trace_id ${stamped.slice(0, 2).join(', ')}`) : hints.logsWithoutTraceId(service));
    return;
  }
  const ownSpanIds = new Set(spans.filter((s) => s.service === service).map((s) => s.spanId));
  const withoutSpanId = own.filter((l) => !l.span_id);
  const strangers = own.filter((l) => l.span_id && !ownSpanIds.has(l.span_id));
  outcome.checks.push(
    check(
      withoutSpanId.length === 0 && strangers.length === 0,
      `${service}: ${own.length} log lines carry the order's trace id; ${own.length - withoutSpanId.length - strangers.length} name one of its spans in the trace` +
        (withoutSpanId.length ? `, ${withoutSpanId.length} no span_id` : '') +
        (strangers.length ? `, ${strangers.length} a span_id not in the trace` : ''),
    ),
  );
  if (withoutSpanId.length) outcome.hints.push(hints.logSpanIdMissing(service));
  if (strangers.length) outcome.hints.push(hints.logIdsNotTheTrace(service, `span_id ${strangers[0]?.span_id}`));
}
