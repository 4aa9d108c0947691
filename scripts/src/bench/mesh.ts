import { LOOPBACK } from '../native-plan.js';
import { down, pidOf, type Stack, service, up } from '../stack.js';

// The four services of the mesh, as the benchmark restarts and watches them: with an environment
// override per tracing configuration, and back with docker-compose.yml's settings at the end.
// Jaeger, RabbitMQ and PostgreSQL stay up throughout.

export const MESH_SERVICES = ['frontend', 'backend', 'database', 'notifier'] as const;

// Jaeger's own process is watched too: at 100% sampling it takes every span on the same cores.
export const WATCHED_PROCESSES = [...MESH_SERVICES, 'jaeger'] as const;

// Requests to the frontend cross this many services before the answer comes back (frontend,
// backend, database): what "per hop" divides by.
export const SYNCHRONOUS_HOPS = 3;

export function healthUrls(stack: Stack): Record<string, string> {
  return Object.fromEntries(MESH_SERVICES.map((name) => [name, `http://${LOOPBACK}:${service(stack, name).ports[0]}/health`]));
}

export function frontendUrl(stack: Stack): string {
  return `http://${LOOPBACK}:${service(stack, 'frontend').ports[0]}`;
}

// Jaeger's first published port in docker-compose.yml is its UI and query API.
export function jaegerQueryUrl(stack: Stack): string {
  return `http://${LOOPBACK}:${service(stack, 'jaeger').ports[0]}`;
}

// Restarted, so each configuration starts with fresh processes: cold counters, a fresh peak memory.
// No load runs while they stop, so nothing is in flight between them.
export async function restartMesh(stack: Stack, env: Record<string, string>, log: (line: string) => void): Promise<void> {
  await down(stack, [...MESH_SERVICES], log);
  await up(stack, [...MESH_SERVICES], Object.fromEntries(MESH_SERVICES.map((name) => [name, env])), log);
}

export function pidsOf(stack: Stack, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(
    names.map((name) => {
      const pid = pidOf(stack, name);
      if (pid === undefined) throw new Error(`${name} is not running (npm run stack:up)`);
      return [name, pid];
    }),
  );
}
