import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_FILE } from '../compose-file.js';
import { dockerClientEnv, type EnginePaths } from './paths.js';

// The Compose CLI that `npm run setup` builds (.tools/bin/docker-compose), run on docker-compose.yml
// as it is, against the lab's engine. Only the engine's address is added to the environment: a
// COMPOSE_* or DOCKER_* variable from the caller's shell would change what Compose does, so those are
// left out; `.env` and the LAB_* variables apply as they do for a learner.

export interface ComposeRun {
  code: number | null;
  output: string;
}

// LAB_DOCKER_SOCKET: the engine's socket, which docker-compose.yml mounts into the tools' containers
// (profile `tools`) where Docker's own would be.
export function composeEnv(paths: EnginePaths, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(([name]) => !/^(COMPOSE|DOCKER)_/.test(name));
  return { ...Object.fromEntries(kept), ...dockerClientEnv(paths), LAB_DOCKER_SOCKET: paths.socket };
}

export interface ComposeOptions {
  // Files laid over docker-compose.yml, as `-f docker-compose.yml -f <file>` does.
  overrides?: string[];
  // Where to copy the output as it comes (a build's progress), besides keeping it.
  echo?: NodeJS.WritableStream;
  logFile?: string;
  // Stops a command that runs until stopped (`watch`, `logs --follow`) with SIGTERM.
  signal?: AbortSignal;
}

// `docker compose <args>` in the repository.
export function compose(repoRoot: string, paths: EnginePaths, args: string[], { overrides = [], echo, logFile, signal }: ComposeOptions = {}): Promise<ComposeRun> {
  return new Promise((resolve, reject) => {
    const binary = join(repoRoot, '.tools', 'bin', 'docker-compose');
    const files = [join(repoRoot, COMPOSE_FILE), ...overrides].flatMap((file) => ['-f', file]);
    const child = spawn(binary, ['--project-directory', repoRoot, ...files, ...args], {
      cwd: repoRoot,
      env: composeEnv(paths),
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
    });
    const log = logFile ? createWriteStream(logFile) : undefined;
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      echo?.write(chunk);
      log?.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    // Stopped through `signal`: it still closes, and resolves with what it printed.
    child.once('error', (error) => (error.name === 'AbortError' ? undefined : reject(error)));
    child.once('close', (code) => {
      log?.end();
      resolve({ code, output });
    });
  });
}
