import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isAlive } from '../processes.js';
import { waitFor } from '@tracing-lab/checker/poll';
import { enginePing } from './api.js';
import { writeEngineConfig } from './config.js';
import { type EnginePaths, podmanEnv } from './paths.js';

// The lab's engine as two background processes: Podman's API service on the engine's socket
// (`podman system service`, which the Compose CLI talks to as to Docker), and the health-check runner
// (healthchecks.ts). Both are found again through pid files, so a later command can stop them.

export class EngineMissingError extends Error {
  override name = 'EngineMissingError';
}

const STARTED_WITHIN_MS = 30_000;
const STOPPED_WITHIN_MS = 15_000;

export async function startEngine(paths: EnginePaths): Promise<void> {
  if (spawnSync('podman', ['--version'], { encoding: 'utf8' }).status !== 0) {
    throw new EngineMissingError('podman is not installed (scripts/engine/install-podman.sh installs it, as root)');
  }
  writeEngineConfig(paths);
  forgetEarlierBoot(paths);
  if (!(await enginePing(paths.socket))) {
    rmSync(paths.socket, { force: true });
    const pid = startDetached(paths, 'engine', 'podman', ['system', 'service', '--time=0', `unix://${paths.socket}`]);
    await waitFor('the engine to answer on its socket', async () => ((await enginePing(paths.socket)) ? true : undefined), {
      timeoutMs: STARTED_WITHIN_MS,
      intervalMs: 200,
      giveUpIf: () => (isAlive(pid) ? undefined : `it exited: ${lastLine(join(paths.logs, 'engine.log'))}`),
    }).catch((error: unknown) => {
      throw new EngineMissingError(`the engine did not start: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  if (runningPid(paths, 'healthchecks') === undefined) {
    startDetached(paths, 'healthchecks', process.execPath, [join(__dirname, 'healthcheck-runner.js'), paths.socket]);
  }
}

// Stops the runner and the API service; the containers are stopped by `compose down` before this.
export async function stopEngine(paths: EnginePaths): Promise<void> {
  for (const name of ['healthchecks', 'engine']) {
    const pid = runningPid(paths, name);
    rmSync(pidFile(paths, name), { force: true });
    if (pid === undefined) continue;
    process.kill(pid, 'SIGTERM');
    await waitFor(`${name} (pid ${pid}) to exit`, async () => (isAlive(pid) ? undefined : true), {
      timeoutMs: STOPPED_WITHIN_MS,
      intervalMs: 100,
    }).catch(() => process.kill(pid, 'SIGKILL'));
  }
  rmSync(paths.socket, { force: true });
  endLeftoverMonitors(paths);
  releaseStorageMount(paths);
}

export function engineRunning(paths: EnginePaths): Promise<boolean> {
  return enginePing(paths.socket);
}

// Podman keeps mounts, locks and container states under `run`; after a reboot they describe
// processes that no longer exist, so the folder starts empty on each boot.
function forgetEarlierBoot(paths: EnginePaths): void {
  const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  const stamp = join(paths.root, 'boot-id');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === bootId) return;
  rmSync(paths.run, { recursive: true, force: true });
  mkdirSync(paths.run, { recursive: true });
  writeFileSync(stamp, bootId);
}

// Podman's Docker-compatible API keeps each `exec` session's monitor (conmon) alive for five minutes
// after the session ends, even when its container is gone. With the project removed, any monitor of
// this engine's containers is such a leftover.
function endLeftoverMonitors(paths: EnginePaths): void {
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (basename(args[0] ?? '') === 'conmon' && args.some((arg) => arg.startsWith(`${paths.storage}/`))) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Ended on its own meanwhile.
      }
    }
  }
}

// Podman's overlay storage mounts its layer folder onto itself and leaves it mounted; with the engine
// stopped nothing uses it, and unmounted, the engine's folder can simply be deleted.
function releaseStorageMount(paths: EnginePaths): void {
  const overlay = join(paths.storage, 'overlay');
  const mounted = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[4] === overlay);
  if (mounted) spawnSync('umount', [overlay]);
}

function startDetached(paths: EnginePaths, name: string, program: string, args: string[]): number {
  mkdirSync(paths.logs, { recursive: true });
  const log = openSync(join(paths.logs, `${name}.log`), 'a');
  const child = spawn(program, args, { env: { ...process.env, ...podmanEnv(paths) }, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new EngineMissingError(`could not start ${program}`);
  child.unref();
  writeFileSync(pidFile(paths, name), String(child.pid));
  return child.pid;
}

function runningPid(paths: EnginePaths, name: string): number | undefined {
  const file = pidFile(paths, name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
}

function pidFile(paths: EnginePaths, name: string): string {
  return join(paths.run, `${name}.pid`);
}

function lastLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  } catch {
    return '(no log)';
  }
}
