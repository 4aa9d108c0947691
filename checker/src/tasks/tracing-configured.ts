import { EXPRESS_SCOPE, SERVICES, type ServiceExpectation } from '../expectations.js';
import { tracingProblems } from '../health-report.js';
import { hints } from '../hints.js';
import type { Span } from '../jaeger-trace.js';
import type { TaskContext } from '../run-context.js';
import { check, type Check, type Task, type TaskOutcome } from '../task.js';

// Task 1: every service runs the SDK under its own name, exports to the right place, and was
// preloaded before Express, as its /health and the resource of its spans show.

export const tracingConfigured: Task = {
  id: 1,
  title: 'Every service has tracing configured',
  points: 10,
  async run(context) {
    const [health, spansByService] = await Promise.all([context.health(), spansOfEachService(context)]);
    const outcome: TaskOutcome = { checks: [], hints: [] };
    for (const service of SERVICES) {
      const result = health.get(service.name);
      if (!result?.reachable) {
        outcome.checks.push(check(false, `${service.name}: /health unreachable (${result?.error ?? 'not asked'})`));
        outcome.hints.push(hints.serviceDown(service.name, result?.url ?? '', result?.error ?? ''));
        continue;
      }
      if (!result.body) {
        outcome.checks.push(check(false, `${service.name}: ${result.url} answered ${result.httpStatus} without its tracing report`));
        continue;
      }
      const { enabled, exporterEndpoint } = result.body.tracing;
      const problems = tracingProblems(service.name, result.body);
      outcome.checks.push(
        check(
          problems.length === 0,
          `${service.name}: /health says tracing ${enabled ? 'on' : 'OFF'} as "${result.body.service}", exporting to ${exporterEndpoint}`,
        ),
      );
      outcome.hints.push(...problems);
      if (enabled) addSpanChecks(outcome, service, spansByService.get(service.name) ?? [], problems.length === 0);
    }
    if (outcome.checks.some((c) => !c.ok) && (await context.jaegerServices()).some((s) => s.startsWith('unknown_service'))) {
      outcome.hints.push(hints.unknownServiceInJaeger());
    }
    return outcome;
  },
};

// Without spans to read, a /health problem already explains why; otherwise their absence is the problem.
function addSpanChecks(outcome: TaskOutcome, service: ServiceExpectation, spans: Span[], healthOk: boolean): void {
  const first = spans[0];
  if (!first) {
    if (!healthOk) return;
    outcome.checks.push(check(false, `${service.name}: no spans in Jaeger since the check started, so no resource to read`));
    outcome.hints.push(hints.noSpansFrom(service.name));
    return;
  }
  outcome.checks.push(resourceCheck(service.name, first));
  const missing = LAB_RESOURCE.filter((key) => first.resource[key] === undefined);
  if (missing.length) {
    outcome.checks.push(check(false, `${service.name}: its spans' resource lacks ${missing.join(' and ')}`));
    outcome.hints.push(hints.resourceAttributesMissing(service.name, missing));
  }
  if (service.express && spans.some((s) => s.kind === 'server') && !spans.some((s) => s.tags['otel.scope.name'] === EXPRESS_SCOPE)) {
    outcome.checks.push(check(false, `${service.name}: HTTP server spans, but no Express spans`));
    outcome.hints.push(hints.expressNotInstrumented(service.name));
  }
}

// The lab's own resource attributes, from OTEL_RESOURCE_ATTRIBUTES in docker-compose.yml: an SDK given
// a resource of its own with the detectors off (autoDetectResources: false) loses them.
const LAB_RESOURCE = ['service.namespace', 'deployment.environment.name'];

// Resource attributes worth showing next to the name: the lab's OTEL_RESOURCE_ATTRIBUTES and the runtime.
const SHOWN_RESOURCE = ['service.namespace', 'deployment.environment.name', 'process.runtime.name', 'process.runtime.version'];

function resourceCheck(service: string, span: Span): Check {
  const shown = SHOWN_RESOURCE.filter((key) => span.resource[key] !== undefined).map((key) => `${key}=${String(span.resource[key])}`);
  return check(span.service === service, `${service}: its spans carry service.name "${span.service}"${shown.length ? ` (${shown.join(', ')})` : ''}`);
}

// Each service's spans from the checker's own traces; for a service missing there (its hop may be
// broken, which tasks 4 and 5 judge), from any of its traces since the check started.
async function spansOfEachService(context: TaskContext): Promise<Map<string, Span[]>> {
  const probe = await context.probe();
  const spans = [...(probe.order.trace?.spans ?? []), ...(probe.users.trace?.spans ?? [])];
  const known = new Set(await context.jaegerServices());
  const entries = await Promise.all(
    SERVICES.map(async (service): Promise<[string, Span[]]> => {
      const own = spans.filter((s) => s.service === service.name);
      if (own.length || !known.has(service.name)) return [service.name, own];
      const since = probe.order.request.sentAtMs;
      const traces = await context.searchTraces({ service: service.name, sinceMs: since, limit: 5 });
      return [service.name, traces.flatMap((t) => t.spans).filter((s) => s.service === service.name)];
    }),
  );
  return new Map(entries);
}
