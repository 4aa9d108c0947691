import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Document, parseDocument } from 'yaml';

// docker-compose.yml through the real Compose loader (built from docker/compose's Go module by
// scripts/install-compose.sh): `config` parses, validates and resolves the file without a Docker
// engine, so what passes here is what `docker compose up` would accept.

const repoRoot = resolve(__dirname, '../..');
const composeFile = join(repoRoot, 'docker-compose.yml');
const composeBinary = join(repoRoot, '.tools/bin/docker-compose');

interface ComposeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface ResolvedService {
  image?: string;
  healthcheck?: { test?: string[] };
  stop_grace_period?: string;
  develop?: { watch?: Array<{ action: string; path: string }> };
  profiles?: string[];
  build?: { target?: string };
  entrypoint?: string[];
  environment?: Record<string, string>;
  volumes?: Array<{ type: string; source: string; target: string }>;
  depends_on?: Record<string, { condition: string }>;
  ports?: Array<{ published: string; target: number }>;
}

// Only PATH and HOME: a COMPOSE_* or DOCKER_* variable from the developer's shell would change what
// Compose loads. The project folder is always the repository, so relative paths resolve the same for
// a temporary copy of the file.
function runCompose(file: string, ...args: string[]): ComposeRun {
  const result = spawnSync(composeBinary, ['--project-directory', repoRoot, '-f', file, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const brokenCopies: Array<{ problem: string; edit: (doc: Document) => void; error: (file: string) => string }> = [
  {
    problem: 'an unknown key in a service',
    edit: (doc) => doc.setIn(['services', 'frontend', 'restartt'], 'always'),
    error: (file) => `validating ${file}: services.frontend additional properties 'restartt' not allowed`,
  },
  {
    problem: 'a depends_on naming a missing service',
    edit: (doc) => doc.setIn(['services', 'frontend', 'depends_on', 'cache'], { condition: 'service_healthy' }),
    error: () => 'service "frontend" depends on undefined service "cache": invalid compose project',
  },
  {
    problem: 'a depends_on condition Compose does not know',
    edit: (doc) => doc.setIn(['services', 'frontend', 'depends_on', 'backend', 'condition'], 'service_ready'),
    error: (file) =>
      `validating ${file}: services.frontend.depends_on.backend.condition value must be one of ` +
      `'service_started', 'service_healthy', 'service_completed_successfully'`,
  },
];

// What each app service waits for before it starts: the data flow, read from the other end.
const dependencies = [
  { service: 'frontend', dependsOn: 'backend, jaeger, notifier' },
  { service: 'backend', dependsOn: 'database, jaeger' },
  { service: 'database', dependsOn: 'jaeger, postgres, rabbitmq' },
  { service: 'notifier', dependsOn: 'database, jaeger, rabbitmq' },
  { service: 'trace-api', dependsOn: 'jaeger, rabbitmq' },
];

// What each service's image is built from, as `docker compose watch` follows it (develop.watch).
const watched = [
  { service: 'frontend', paths: 'services/frontend, shared-tracing, contracts, service-kit, package-lock.json' },
  { service: 'backend', paths: 'services/backend, shared-tracing, contracts, service-kit, package-lock.json' },
  { service: 'database', paths: 'services/database, shared-tracing, contracts, service-kit, package-lock.json' },
  { service: 'notifier', paths: 'services/notifier, shared-tracing, contracts, service-kit, package-lock.json' },
  { service: 'trace-api', paths: 'services/trace-api, shared-tracing, contracts, service-kit, trace-analysis, package-lock.json' },
];

// The profile `tools`: each tool, the command it runs, what it mounts (the engine's socket where
// Docker's is, for the checker's task 11; the lab, the working tree and the volume of the settings its
// incidents change) and its settings beyond the mesh's addresses.
const tools = [
  { service: 'check', entrypoint: 'node checker/dist/cli.js', mounts: '/var/run/docker.sock', env: '' },
  { service: 'load', entrypoint: 'node scripts/dist/load.js', mounts: '/var/run/docker.sock', env: '' },
  {
    service: 'lab',
    entrypoint: 'node scripts/dist/lab.js',
    mounts: '/var/run/docker.sock, . at /repo, /run/service-settings',
    env: 'LAB_STACK=compose LAB_REPO_ROOT=/repo LAB_SERVICE_SETTINGS=/run/service-settings',
  },
];
const MESH_ADDRESSES = ['LAB_FRONTEND_URL=http://frontend:8080', 'LAB_JAEGER_URL=http://jaeger:16686'];

let services: Record<string, ResolvedService>;
let withTools: Record<string, ResolvedService>;
let scratch: string;

beforeAll(() => {
  // A no-op once the pinned version is built; the first build takes a few minutes.
  const install = spawnSync('bash', [join(repoRoot, 'scripts/install-compose.sh')], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`scripts/install-compose.sh failed:\n${install.stdout}${install.stderr}`);
  const resolved = runCompose(composeFile, 'config', '--format', 'json');
  if (resolved.code !== 0) throw new Error(`docker-compose config failed:\n${resolved.stderr}`);
  services = (JSON.parse(resolved.stdout) as { services: Record<string, ResolvedService> }).services;
  const tooled = runCompose(composeFile, '--profile', 'tools', 'config', '--format', 'json');
  if (tooled.code !== 0) throw new Error(`docker-compose --profile tools config failed:\n${tooled.stderr}`);
  withTools = (JSON.parse(tooled.stdout) as { services: Record<string, ResolvedService> }).services;
  scratch = mkdtempSync(join(tmpdir(), 'tracing-lab-compose-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('docker-compose.yml, loaded by the real Compose', () => {
  it('is accepted by `docker-compose config --quiet` with exit 0 and no output', () => {
    expect(runCompose(composeFile, 'config', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each(brokenCopies)('is rejected with exit 1 when a copy has $problem', ({ edit, error }) => {
    const doc = parseDocument(readFileSync(composeFile, 'utf8'));
    edit(doc);
    const broken = join(mkdtempSync(join(scratch, 'broken-')), 'docker-compose.yml');
    writeFileSync(broken, String(doc));

    const run = runCompose(broken, 'config', '--quiet');

    expect({ code: run.code, stderr: run.stderr.trim() }).toEqual({ code: 1, stderr: error(broken) });
  });

  it('takes the credentials from .env: without it, Compose refuses to start and names the missing variable', () => {
    const run = runCompose(composeFile, '--env-file', '/dev/null', 'config', '--quiet');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/required variable LAB_(RABBITMQ|POSTGRES)_\w+ is missing a value: set it in \.env/);
  });

  it('gives every service a health check', () => {
    const withoutHealthcheck = Object.entries(services)
      .filter(([, service]) => !service.healthcheck?.test?.length)
      .map(([name]) => name);
    expect(withoutHealthcheck).toEqual([]);
  });

  // Docker waits 10 s after SIGTERM when a service names no grace period; Podman's Docker API does not
  // wait at all, so a service would lose what it does on SIGTERM (the app services flush their spans).
  it('gives every service a stop grace period', () => {
    const withoutGracePeriod = Object.entries(services)
      .filter(([, service]) => !service.stop_grace_period)
      .map(([name]) => name);
    expect(withoutGracePeriod).toEqual([]);
  });

  it.each(watched)('rebuilds $service on `docker compose watch` when a file in $paths is saved', ({ service, paths }) => {
    const rules = (services[service]?.develop?.watch ?? []).map((rule) => `${rule.action} ${relative(repoRoot, rule.path)}`);
    expect(rules).toEqual(paths.split(', ').map((path) => `rebuild ${path}`));
  });

  it('leaves the tools out of `docker compose up`: only the profile tools has them', () => {
    expect(Object.keys(withTools).filter((name) => !services[name]).sort()).toEqual(tools.map((t) => t.service).sort());
  });

  it.each(tools)('runs $service in the profile tools as `$entrypoint`, from the Dockerfile stage tools, mounting $mounts', ({ service, entrypoint, mounts, env }) => {
    const tool = withTools[service];
    const mounted = (tool?.volumes ?? []).map((v) => (v.source === repoRoot ? `. at ${v.target}` : v.target));
    const settings = Object.entries(tool?.environment ?? {}).map(([key, value]) => `${key}=${value}`);
    expect({ profiles: tool?.profiles, target: tool?.build?.target, entrypoint: tool?.entrypoint?.join(' '), mounts: mounted.join(', ') }).toEqual({
      profiles: ['tools'],
      target: 'tools',
      entrypoint,
      mounts,
    });
    expect(settings.sort()).toEqual([...MESH_ADDRESSES, ...env.split(' ').filter(Boolean)].sort());
  });

  it.each(dependencies)('starts $service only once $dependsOn are healthy', ({ service, dependsOn }) => {
    const conditions = Object.fromEntries(
      Object.entries(services[service]?.depends_on ?? {}).map(([name, { condition }]) => [name, condition]),
    );
    expect(conditions).toEqual(Object.fromEntries(dependsOn.split(', ').map((name) => [name, 'service_healthy'])));
  });

  it('runs a pinned Jaeger 2.x release', () => {
    expect(services.jaeger?.image).toMatch(/^jaegertracing\/jaeger:2\.\d+\.\d+$/);
  });

  it('publishes the shop on 8080, the Jaeger UI on 16686, the RabbitMQ console on 15672 and the Tracing API on 3000', () => {
    const published = Object.entries(services).flatMap(([name, service]) =>
      (service.ports ?? []).map((port) => `${name} ${port.published}->${port.target}`),
    );
    expect(published).toEqual(expect.arrayContaining(['frontend 8080->8080', 'jaeger 16686->16686', 'rabbitmq 15672->15672', 'trace-api 3000->3000']));
  });
});
