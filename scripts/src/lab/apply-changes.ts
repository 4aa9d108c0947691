import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { NativeService } from '../native-plan.js';
import { down, pidOf, type Stack, up } from '../stack.js';
import { LabError } from './exercise-files.js';
import type { LabPaths } from './lab-state.js';

// After exercise files change: compile what they belong to and restart only the services that run
// that code or read that config. A file that does not compile leaves the last good build in place and
// the services running it; a service that crashes at start is reported with the end of its log.

const SHARED = 'shared-tracing';

// The services that run a file: its own app service, every app service for the shared package, or the
// service that runs in the folder holding it (Jaeger, in jaeger/, reads its config there at start).
export function servicesRunning(files: string[], stack: Stack, repoRoot: string): string[] {
  const apps = stack.services.filter((s) => s.kind === 'app').map((s) => s.name);
  const ownFolder = (s: NativeService): boolean => s.kind !== 'app' && s.cwd !== resolve(repoRoot);
  const readers = stack.services
    .filter((s) => ownFolder(s) && files.some((file) => resolve(repoRoot, file).startsWith(`${s.cwd}${sep}`)))
    .map((s) => s.name);
  if (files.some((file) => file.startsWith(`${SHARED}/`))) return [...readers, ...apps];
  return [...readers, ...apps.filter((name) => files.some((file) => file.startsWith(`services/${name}/`)))];
}

// Only the app services are compiled; the others read their files as they are.
export function compiledServices(services: string[], stack: Stack): string[] {
  return services.filter((name) => stack.services.some((s) => s.name === name && s.kind === 'app'));
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
  // The stack, not the services restarted: one that crashed at start has no process, and reset or
  // stop must start it again.
  if (!stack.services.some((s) => pidOf(stack, s.name) !== undefined)) {
    const underCompose = services.includes('jaeger') ? "restart Jaeger as the exercise's README says" : 'run docker compose watch';
    log(`the native stack is not running: the files are in place. Start it with npm run stack:up, or under Compose ${underCompose}`);
    return;
  }
  // Jaeger keeps its traces in memory: a restart starts it empty.
  log(`restarting ${services.join(', ')}${services.includes('jaeger') ? " (Jaeger's traces so far are gone)" : ''}`);
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
