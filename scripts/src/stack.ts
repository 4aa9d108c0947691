import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from '@tracing-lab/checker/poll';
import { resolveCompose } from './compose-file.js';
import { rabbitMqListensBeyondLoopback, startPostgres, startRabbitMq, stopPostgres, stopRabbitMq } from './infra.js';
import { type NativeService, nativePlan } from './native-plan.js';
import { run, runningPid, type StackPaths, stackPaths, startProcess, stopProcess } from './processes.js';

// The native stack: docker-compose.yml's topology as local processes, started in dependency order and
// each waited for with its Compose health check, stopped in the reverse order.

export const REPO_ROOT = resolve(__dirname, '..', '..');
const HEALTHY_WITHIN_MS = 120_000;

export interface Stack {
  services: NativeService[];
  paths: StackPaths;
}

// `env`: what Compose interpolates docker-compose.yml with, as from the shell.
export function loadStack(repoRoot = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): Stack {
  const compose = resolveCompose(repoRoot, env);
  return { services: nativePlan(compose, repoRoot, join(repoRoot, '.tools', 'bin')), paths: stackPaths(repoRoot) };
}

export function service(stack: Stack, name: string): NativeService {
  const found = stack.services.find((s) => s.name === name);
  if (!found) throw new Error(`no service '${name}' in docker-compose.yml (have: ${stack.services.map((s) => s.name).join(', ')})`);
  return found;
}

// The broker address the services use, with the credentials Compose resolves from .env: for tools
// and tests that talk to the lab's RabbitMQ as the services do.
export function labAmqpUrl(stack: Stack): string {
  const url = service(stack, 'notifier').env.AMQP_URL;
  if (!url) throw new Error("docker-compose.yml gives the notifier no AMQP_URL");
  return url;
}

export async function isHealthy(target: NativeService): Promise<boolean> {
  return (await run(target.healthcheck, target.env)).ok;
}

// Starts the named services (all when none are named) and what they depend on, each as soon as what
// it depends on is healthy, so independent services start side by side. A service that is already
// healthy is left running. `envOverrides` changes a service's environment for this start, as a
// learner would by editing docker-compose.yml.
export async function up(
  stack: Stack,
  names: string[] = [],
  envOverrides: Record<string, Record<string, string>> = {},
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const targets = withDependencies(stack, names);
  await inDependencyOrder(targets, (target) => target.dependsOn, async (target) => {
    if (await isHealthy(target)) {
      if (target.kind !== 'rabbitmq' || !(await rabbitMqListensBeyondLoopback(target))) {
        log(`${target.name}: already healthy`);
        return;
      }
      log(`${target.name}: listens beyond 127.0.0.1, restarting it on loopback`);
      await stopRabbitMq(stack.paths, target);
    }
    log(`${target.name}: starting`);
    await start(stack, target, envOverrides[target.name] ?? {});
    await waitFor(`${target.name} to be healthy (log: .stack/logs/${target.name}.log)`, async () => ((await isHealthy(target)) ? true : undefined), {
      timeoutMs: HEALTHY_WITHIN_MS,
      intervalMs: 500,
      // A service that crashes at start (Jaeger with a config it rejects too) is reported at once, with the end of its log.
      giveUpIf: () => (startsAsProcess(target) && pidOf(stack, target.name) === undefined ? `it exited; the end of its log:\n${logTail(stack, target.name)}` : undefined),
    });
    log(`${target.name}: healthy`);
  });
}

// Stops the named services (all when none are named), each once everything among them that depends
// on it has stopped, whatever order the names were given in.
export async function down(stack: Stack, names: string[] = [], log: (line: string) => void = () => undefined): Promise<void> {
  names.forEach((name) => service(stack, name));
  const targets = names.length ? stack.services.filter((s) => names.includes(s.name)) : stack.services;
  const dependents = (target: NativeService) => targets.filter((other) => other.dependsOn.includes(target.name)).map((other) => other.name);
  await inDependencyOrder(targets, dependents, async (target) => {
    if (target.kind === 'postgres') await stopPostgres();
    else if (target.kind === 'rabbitmq') await stopRabbitMq(stack.paths, target);
    else if (!(await stopProcess(stack.paths, target.name))) return;
    log(`${target.name}: stopped`);
  });
}

// Runs `step` for every target once `step` has finished for the targets it waits on (those of them
// among `targets`); targets that wait on nothing pending run side by side.
async function inDependencyOrder(
  targets: NativeService[],
  waitsOn: (target: NativeService) => string[],
  step: (target: NativeService) => Promise<void>,
): Promise<void> {
  const runs = new Map<string, Promise<void>>();
  const runOf = (target: NativeService): Promise<void> => {
    let running = runs.get(target.name);
    if (!running) {
      const before = waitsOn(target).flatMap((name) => targets.filter((t) => t.name === name));
      running = Promise.all(before.map(runOf)).then(() => step(target));
      runs.set(target.name, running);
    }
    return running;
  };
  await Promise.all(targets.map(runOf));
}

export function logTail(stack: Stack, name: string, lines = 15): string {
  const file = join(stack.paths.logs, `${name}.log`);
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export function pidOf(stack: Stack, name: string): number | undefined {
  return runningPid(stack.paths, name);
}

async function start(stack: Stack, target: NativeService, overrides: Record<string, string>): Promise<void> {
  if (target.kind === 'postgres') return startPostgres(target);
  if (target.kind === 'rabbitmq') return startRabbitMq(stack.paths, target);
  // A process left from an earlier start that is not healthy is replaced.
  await stopProcess(stack.paths, target.name);
  startProcess(stack.paths, target.name, target.command, target.cwd, { ...target.env, ...overrides });
}

// Postgres and RabbitMQ are started by their own tools, which wait for them; the rest are processes of ours.
function startsAsProcess(target: NativeService): boolean {
  return target.kind === 'app' || target.kind === 'jaeger';
}

function withDependencies(stack: Stack, names: string[]): NativeService[] {
  if (!names.length) return stack.services;
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    service(stack, name).dependsOn.forEach(add);
  };
  names.forEach(add);
  return stack.services.filter((s) => wanted.has(s.name));
}
