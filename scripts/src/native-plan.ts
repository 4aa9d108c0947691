import { join, relative, resolve } from 'node:path';
import type { ComposeFile, ComposePort, ComposeService } from './compose-file.js';

// How each Compose service runs as a local process: the same command, environment, ports and health
// check, with the Compose service names in addresses replaced by the loopback address. Pure, so the
// translation is unit-tested against the real docker-compose.yml as Compose resolves it.

export type NativeKind = 'app' | 'jaeger' | 'postgres' | 'rabbitmq';

export interface NativeService {
  name: string;
  kind: NativeKind;
  command: string[];
  cwd: string;
  env: Record<string, string>;
  healthcheck: string[];
  dependsOn: string[];
  ports: number[];
}

export const LOOPBACK = '127.0.0.1';

export function nativePlan(compose: ComposeFile, repoRoot: string, toolsBin: string): NativeService[] {
  const names = Object.keys(compose.services);
  const plan = names.map((name) => nativeService(name, compose.services[name] as ComposeService, names, repoRoot, toolsBin));
  return startOrder(plan);
}

function nativeService(
  name: string,
  service: ComposeService,
  serviceNames: string[],
  repoRoot: string,
  toolsBin: string,
): NativeService {
  const kind = kindOf(name, service);
  const env = Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, value]) => [key, rewriteHosts(key, value ?? '', serviceNames)]),
  );
  if (kind === 'rabbitmq') Object.assign(env, rabbitMqLoopbackEnv(repoRoot));
  return {
    name,
    kind,
    command: kind === 'jaeger' ? [join(toolsBin, 'jaeger'), ...(service.command ?? [])] : (service.command ?? []),
    cwd: hostPath(service.working_dir, service, repoRoot),
    env,
    healthcheck: healthcheckCommand(name, service),
    dependsOn: Object.keys(service.depends_on ?? {}),
    ports: (service.ports ?? []).map((port) => publishedPort(name, port)),
  };
}

// RabbitMQ listens on every interface by default, where the image's ports are published on 127.0.0.1
// only. Natively its AMQP port and management UI (rabbitmq.conf, written by infra.ts), its Erlang
// distribution port and epmd (which the first RabbitMQ command starts) are kept on loopback. Every
// RabbitMQ command the stack runs, its health check included, gets these variables.
export function rabbitMqLoopbackEnv(repoRoot: string): Record<string, string> {
  return {
    RABBITMQ_CONFIG_FILE: join(repoRoot, '.stack', 'rabbitmq', 'rabbitmq.conf'),
    ERL_EPMD_ADDRESS: LOOPBACK,
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
}

export function kindOf(name: string, service: ComposeService): NativeKind {
  if (service.build) return 'app';
  const image = service.image ?? '';
  if (image.startsWith('jaegertracing/jaeger')) return 'jaeger';
  if (image.startsWith('postgres')) return 'postgres';
  if (image.startsWith('rabbitmq')) return 'rabbitmq';
  throw new Error(`service '${name}': no native equivalent for image '${image}'`);
}

// `http://backend:8081` and `amqp://lab:lab@rabbitmq:5672` name a Compose service inside an address;
// a bare `postgres` names one only in a host variable (PGHOST), since OTEL_SERVICE_NAME=frontend
// is a name, not an address. Natively every service listens on the loopback address. A container
// listens on every interface (0.0.0.0) for its neighbours; natively that would expose it beyond
// this machine.
export function rewriteHosts(key: string, value: string, serviceNames: string[]): string {
  const isHostVariable = key.endsWith('HOST');
  if (isHostVariable && (serviceNames.includes(value) || value === '0.0.0.0')) return LOOPBACK;
  const names = serviceNames.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // The host is what follows `//` and any `user:password@`; a user named like a service stays.
  return value.replace(new RegExp(`(//(?:[^/@]*@)?)(${names})(?=[:/]|$)`, 'g'), `$1${LOOPBACK}`);
}

// A container path becomes the host folder it comes from: a bind-mounted volume, or the build
// context for images built from this repository (the Dockerfile's WORKDIR holds the repo layout).
// Compose has already made bind sources and build contexts absolute.
export function hostPath(containerPath: string | undefined, service: ComposeService, repoRoot: string): string {
  if (!containerPath) return repoRoot;
  for (const volume of service.volumes ?? []) {
    if (volume.type !== 'bind' || !volume.source) continue;
    const rest = relative(volume.target, containerPath);
    if (!rest.startsWith('..')) return resolve(volume.source, rest);
  }
  if (service.build) return resolve(repoRoot, service.build.context ?? '.');
  throw new Error(`no host folder for working_dir '${containerPath}'`);
}

export function healthcheckCommand(name: string, service: ComposeService): string[] {
  const test = service.healthcheck?.test;
  if (!test || test.length < 2) throw new Error(`service '${name}' has no healthcheck`);
  const [form, ...rest] = test;
  if (form === 'CMD') return rest;
  if (form === 'CMD-SHELL') return ['sh', '-c', rest.join(' ')];
  throw new Error(`service '${name}': healthcheck form '${form}' is not supported`);
}

// Natively a process listens on its container port, so a mapping that changes the port cannot be
// reproduced: say so rather than start a stack whose addresses differ from Compose's.
export function publishedPort(name: string, port: ComposePort): number {
  const published = port.published === undefined || port.published === '' ? port.target : Number(port.published);
  if (published !== port.target) {
    throw new Error(`service '${name}': port mapping ${port.published ?? ''}:${port.target} must publish the container port unchanged`);
  }
  return port.target;
}

// Dependencies first; a cycle is an error in the Compose file.
export function startOrder(services: NativeService[]): NativeService[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const ordered: NativeService[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (service: NativeService, path: string[]): void => {
    if (state.get(service.name) === 'done') return;
    if (state.get(service.name) === 'visiting') throw new Error(`depends_on cycle: ${[...path, service.name].join(' -> ')}`);
    state.set(service.name, 'visiting');
    for (const dependency of service.dependsOn) {
      const target = byName.get(dependency);
      if (!target) throw new Error(`service '${service.name}' depends on unknown service '${dependency}'`);
      visit(target, [...path, service.name]);
    }
    state.set(service.name, 'done');
    ordered.push(service);
  };
  for (const service of services) visit(service, []);
  return ordered;
}
