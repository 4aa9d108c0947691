import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { resolveCompose } from '../compose-file.js';
import { compose } from './compose.js';
import { type EnginePaths, podmanEnv } from './paths.js';

// The Compose project's containers, networks and volumes in the lab's engine, found by the label
// Compose puts on everything it creates, and removed: by `compose down -v`, then whatever that left
// (a run stopped halfway, a service since removed from docker-compose.yml).

export interface Leftovers {
  containers: string[];
  networks: string[];
  volumes: string[];
}

export function projectName(repoRoot: string): string {
  const { name } = resolveCompose(repoRoot) as { name?: string };
  if (!name) throw new Error('docker-compose.yml has no top-level name');
  return name;
}

export function leftovers(paths: EnginePaths, project: string): Leftovers {
  const label = `label=com.docker.compose.project=${project}`;
  return {
    containers: podmanLines(paths, ['ps', '--all', '--filter', label, '--format', '{{.Names}}']),
    networks: podmanLines(paths, ['network', 'ls', '--filter', label, '--format', '{{.Name}}']),
    volumes: podmanLines(paths, ['volume', 'ls', '--filter', label, '--format', '{{.Name}}']),
  };
}

export function describeLeftovers({ containers, networks, volumes }: Leftovers): string | undefined {
  const parts = [count(containers.length, 'container'), count(networks.length, 'network'), count(volumes.length, 'volume')].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

export async function removeProject(repoRoot: string, paths: EnginePaths, logFile: string): Promise<Leftovers> {
  const project = projectName(repoRoot);
  await compose(repoRoot, paths, ['down', '--volumes', '--remove-orphans'], { logFile });
  const left = leftovers(paths, project);
  if (left.containers.length) podmanLines(paths, ['rm', '--force', '--volumes', ...left.containers]);
  if (left.volumes.length) podmanLines(paths, ['volume', 'rm', '--force', ...left.volumes]);
  if (left.networks.length) podmanLines(paths, ['network', 'rm', '--force', ...left.networks]);
  // Anonymous volumes (the images' VOLUMEs) carry no project label. Any left unused belongs to the
  // lab: the engine is its own.
  podmanLines(paths, ['volume', 'prune', '--force']);
  return leftovers(paths, project);
}

export function composeLogFile(paths: EnginePaths, command: string): string {
  return join(paths.logs, `compose-${command}.log`);
}

function podmanLines(paths: EnginePaths, args: string[]): string[] {
  const result = spawnSync('podman', args, { env: { ...process.env, ...podmanEnv(paths) }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`podman ${args.slice(0, 2).join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.split('\n').filter(Boolean);
}

function count(n: number, what: string): string {
  return n ? `${n} ${what}${n === 1 ? '' : 's'}` : '';
}
