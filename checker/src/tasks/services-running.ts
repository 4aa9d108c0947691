import { SERVICES } from '../expectations.js';
import type { HealthResult } from '../health-report.js';
import { hints } from '../hints.js';
import { check, type Task, type TaskOutcome } from '../task.js';

// Task 2: the four services answer /health, and the infrastructure they report on (RabbitMQ,
// PostgreSQL) is up, and Jaeger answers.

export const servicesRunning: Task = {
  id: 2,
  title: 'All services and their dependencies are running',
  points: 5,
  async run(context) {
    const health = await context.health();
    const outcome: TaskOutcome = { checks: [], hints: [] };
    for (const service of SERVICES) {
      const result = health.get(service.name) as HealthResult;
      if (!result.reachable) {
        outcome.checks.push(check(false, `${service.name}: ${result.url} unreachable (${result.error})`));
        outcome.hints.push(hints.serviceDown(service.name, result.url, result.error));
      } else {
        const status = result.body ? `${result.httpStatus} ${result.body.status}` : `${result.httpStatus}`;
        const ok = result.httpStatus === 200 && result.body?.status === 'ok';
        outcome.checks.push(check(ok, `${service.name}: ${result.url} answers ${status}`));
        if (!ok && !result.body) outcome.hints.push(hints.serviceUnhealthy(service.name, result.url, status));
      }
    }
    for (const [dependency, reporters] of dependencyReporters()) {
      const states = reporters.flatMap((r) => {
        const result = health.get(r.service);
        const state = result?.reachable ? result.body?.dependencies[r.key] : undefined;
        return state ? [{ service: r.service, state }] : [];
      });
      const down = states.filter((s) => s.state !== 'up');
      if (!states.length) {
        outcome.checks.push(check(false, `${dependency}: unknown, no service could report on it`));
        outcome.hints.push(hints.dependencyUnknown(dependency, reporters.map((r) => r.service)));
      } else if (down.length) {
        outcome.checks.push(check(false, `${dependency}: down (reported by ${down.map((s) => s.service).join(' and ')})`));
        outcome.hints.push(hints.dependencyDown(dependency, down.map((s) => s.service)));
      } else {
        outcome.checks.push(check(true, `${dependency}: up (reported by ${states.map((s) => s.service).join(' and ')})`));
      }
    }
    const services = await context.jaegerServices();
    outcome.checks.push(check(true, `Jaeger: the query API answers at ${context.options.jaegerUrl} (${services.length} services known)`));
    return outcome;
  },
};

// Each dependency, with the services whose /health reports it and under which key.
function dependencyReporters(): Map<string, { service: string; key: string }[]> {
  const reporters = new Map<string, { service: string; key: string }[]>();
  for (const service of SERVICES) {
    for (const [key, label] of Object.entries(service.dependencies)) {
      reporters.set(label, [...(reporters.get(label) ?? []), { service: service.name, key }]);
    }
  }
  return reporters;
}
