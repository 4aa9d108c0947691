import { type ChildProcess, spawn } from 'node:child_process';
import { waitFor } from '@tracing-lab/checker/poll';
import type { Command } from './dockerfile-parse.js';

// Starts a service the way its image would (the CMD, from the WORKDIR, with only the given
// environment), waits until GET /health answers, then stops it with SIGTERM as `docker stop` does.
// Any HTTP status counts as started: with its dependencies unreachable a service answers 503, and
// what this check looks for is a process that loads all its files and modules and listens.

export interface BootCheckOptions {
  cwd: string;
  command: Command;
  env: Record<string, string>;
  port: number;
  startTimeoutMs?: number;
  /** Compose's stop_grace_period: after it, Docker would kill the container. */
  stopTimeoutMs?: number;
}

export interface BootCheckResult {
  healthStatus: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
const DEFAULT_STOP_TIMEOUT_MS = 10_000;
const HEALTH_REQUEST_TIMEOUT_MS = 2_000;

export async function checkServiceBoots(options: BootCheckOptions): Promise<BootCheckResult> {
  const argv = options.command.form === 'shell' ? ['/bin/sh', '-c', options.command.script] : options.command.argv;
  const [program, ...args] = argv as [string, ...string[]];
  const child = spawn(program, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.on('error', (error) => {
      output += `${error.message}\n`;
      resolve((exit = { code: null, signal: null }));
    });
    child.on('exit', (code, signal) => resolve((exit = { code, signal })));
  });

  try {
    const url = `http://127.0.0.1:${options.port}/health`;
    const outcome = await waitFor<{ exit: Exit } | { status: number }>(
      `GET ${url} to answer`,
      async () => {
        const ended = exit;
        return ended ? { exit: ended } : { status: await healthStatus(url) };
      },
      { timeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, intervalMs: 100 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`);
    });
    if ('exit' in outcome) {
      throw new Error(`'${argv.join(' ')}' exited with ${describeExit(outcome.exit)} before answering ${url}:\n${output}`);
    }
    const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    const stopped = await stop(child, exited, stopTimeoutMs);
    if (!stopped) throw new Error(`'${argv.join(' ')}' was still running ${stopTimeoutMs / 1000}s after SIGTERM:\n${output}`);
    return { healthStatus: outcome.status, exitCode: stopped.code, signal: stopped.signal, output };
  } finally {
    if (!exit) child.kill('SIGKILL');
  }
}

async function healthStatus(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(HEALTH_REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    // fetch hides why it failed (ECONNREFUSED while the service starts) in `cause`.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(cause?.code ?? cause?.message ?? (error as Error).message);
  }
}

async function stop(child: ChildProcess, exited: Promise<Exit>, timeoutMs: number): Promise<Exit | undefined> {
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  return result;
}

function describeExit({ code, signal }: Exit): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}
