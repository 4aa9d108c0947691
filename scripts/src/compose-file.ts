import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// docker-compose.yml as Compose itself resolves it: `docker-compose config --format json` from the
// Compose CLI that `npm run setup` builds. Anchors, merge keys, `${VARIABLE}` interpolation from
// `.env` and the shell, and path resolution all happen in Compose's own loader, so the native stack
// runs with exactly the settings `docker compose up` would use.
export interface ComposePort {
  host_ip?: string;
  target: number;
  published?: string;
  protocol?: string;
}

export interface ComposeVolume {
  type: string;
  source?: string;
  target: string;
}

export interface ComposeService {
  image?: string;
  build?: { context?: string; args?: Record<string, string> };
  command?: string[] | null;
  working_dir?: string;
  environment?: Record<string, string | null>;
  ports?: ComposePort[];
  volumes?: ComposeVolume[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

export const COMPOSE_FILE = 'docker-compose.yml';

// `env` is what Compose would see from the shell: a variable set there overrides `.env`.
export function resolveCompose(repoRoot: string, env: NodeJS.ProcessEnv = process.env): ComposeFile {
  const binary = join(repoRoot, '.tools', 'bin', 'docker-compose');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run \`npm run setup\` first`);
  const result = spawnSync(binary, ['--project-directory', repoRoot, '-f', join(repoRoot, COMPOSE_FILE), 'config', '--format', 'json'], {
    encoding: 'utf8',
    env,
  });
  if (result.status !== 0) {
    throw new Error(`Compose could not load ${COMPOSE_FILE}: ${(result.stderr || result.error?.message || '').trim()}`);
  }
  const parsed = JSON.parse(result.stdout) as Partial<ComposeFile>;
  if (!parsed.services) throw new Error(`${COMPOSE_FILE} has no services`);
  return parsed as ComposeFile;
}

// The environment Compose gives one service, as its process would see it.
export function composeEnvironment(repoRoot: string, serviceName: string): Record<string, string> {
  const service = resolveCompose(repoRoot).services[serviceName];
  if (!service) throw new Error(`no service '${serviceName}' in ${COMPOSE_FILE}`);
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, value ?? '']));
}
