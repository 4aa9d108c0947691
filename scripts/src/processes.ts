import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@tracing-lab/checker/poll';

// Local processes of the native stack: started detached with their output in .stack/logs/<name>.log,
// found again through .stack/pids/<name>.pid, stopped with SIGTERM like `docker compose stop`.

export interface StackPaths {
  logs: string;
  pids: string;
}

export function stackPaths(repoRoot: string): StackPaths {
  const paths = { logs: join(repoRoot, '.stack', 'logs'), pids: join(repoRoot, '.stack', 'pids') };
  mkdirSync(paths.logs, { recursive: true });
  mkdirSync(paths.pids, { recursive: true });
  return paths;
}

export function startProcess(
  paths: StackPaths,
  name: string,
  command: string[],
  cwd: string,
  env: Record<string, string>,
): number {
  const [program, ...args] = command;
  if (!program) throw new Error(`service '${name}' has no command`);
  const log = openSync(join(paths.logs, `${name}.log`), 'a');
  const child = spawn(program, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start '${name}' (${program})`);
  child.unref();
  writeFileSync(pidFile(paths, name), String(child.pid));
  return child.pid;
}

export function runningPid(paths: StackPaths, name: string): number | undefined {
  const file = pidFile(paths, name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
}

// SIGTERM, then SIGKILL if the process outlives Compose's stop grace period.
export async function stopProcess(paths: StackPaths, name: string, graceMs = 10_000): Promise<boolean> {
  const pid = runningPid(paths, name);
  rmSync(pidFile(paths, name), { force: true });
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  try {
    await waitFor(`${name} (pid ${pid}) to exit`, async () => (isAlive(pid) ? undefined : true), { timeoutMs: graceMs, intervalMs: 100 });
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  return true;
}

// Runs a command to its end without blocking the event loop, so that services started side by side
// are health-checked side by side.
export function run(command: string[], env: Record<string, string> = {}): Promise<{ ok: boolean; output: string }> {
  const [program, ...args] = command;
  return new Promise((resolve) => {
    execFile(program as string, args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ ok: !error, output: `${stdout ?? ''}${stderr ?? ''}`.trim() || String(error ?? '') });
    });
  });
}

export async function mustRun(command: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await run(command, env);
  if (!result.ok) throw new Error(`'${command.join(' ')}' failed: ${result.output}`);
  return result.output;
}

// A process that has exited but is not yet reaped (a zombie) still answers signal 0. A stopped
// service's parent has exited, so only init reaps it, and some inits (a container's or a VM's own)
// reap only every few seconds: counted as alive, every stop would wait for that.
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return processState(pid) !== 'Z';
}

// The state letter in /proc/<pid>/stat (after the command name, which may itself hold spaces or
// parentheses); undefined where there is no /proc.
function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

function pidFile(paths: StackPaths, name: string): string {
  return join(paths.pids, `${name}.pid`);
}
