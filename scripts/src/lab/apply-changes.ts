import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { down, pidOf, type Stack, up } from '../stack.js';
import { LabError } from './exercise-files.js';
import type { LabPaths } from './lab-state.js';

// After exercise files change: compile what they belong to and restart only the services that run
// that code. A file that does not compile leaves the last good build in place and the services
// running it; a service that crashes at start is reported with the end of its log.

const SHARED = 'shared-tracing';

// The app services that run a file: its own service, or every one of them for the shared package.
export function servicesRunning(files: string[], stack: Stack): string[] {
  const apps = stack.services.filter((s) => s.kind === 'app').map((s) => s.name);
  if (files.some((file) => file.startsWith(`${SHARED}/`))) return apps;
  return apps.filter((name) => files.some((file) => file.startsWith(`services/${name}/`)));
}

export class BuildError extends LabError {}

export function build(repoRoot: string, services: string[], paths: LabPaths, log: (line: string) => void): void {
  const workspaces = [SHARED, ...services.map((name) => `services/${name}`)];
  const snapshot = paths.lastGoodBuild;
  rmSync(snapshot, { recursive: true, force: true });
  for (const workspace of workspaces) {
    const dist = join(repoRoot, workspace, 'dist');
    if (existsSync(dist)) cpSync(dist, join(snapshot, workspace), { recursive: true });
  }
  log(`compiling ${workspaces.join(', ')}`);
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-b', ...workspaces], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status === 0) return;
  // tsc emits even with errors: put the last good build back, so a restart runs it and not half a file.
  for (const workspace of workspaces) {
    const saved = join(snapshot, workspace);
    if (!existsSync(saved)) continue;
    rmSync(join(repoRoot, workspace, 'dist'), { recursive: true, force: true });
    mkdirSync(join(repoRoot, workspace), { recursive: true });
    cpSync(saved, join(repoRoot, workspace, 'dist'), { recursive: true });
  }
  throw new BuildError(
    `your change does not compile, so the services keep running the last good build:\n${(result.stdout + result.stderr).trim()}`,
  );
}

// Natively, the services are restarted here; under Compose, `docker compose watch` rebuilds them.
export async function restart(stack: Stack, services: string[], log: (line: string) => void): Promise<void> {
  if (!services.some((name) => pidOf(stack, name) !== undefined)) {
    log(`the native stack is not running: the files are in place. Start it with npm run stack:up, or under Compose run docker compose watch`);
    return;
  }
  log(`restarting ${services.join(', ')}`);
  await down(stack, services);
  try {
    await up(stack, services);
  } catch (error) {
    throw new LabError(
      `${error instanceof Error ? error.message : String(error)}\n` +
        `Fix the file and run npm run lab -- check, or go back to the start files with npm run lab -- reset`,
    );
  }
}
