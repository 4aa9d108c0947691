import { join, resolve } from 'node:path';
import { engineRequest } from '@tracing-lab/scripts/engine/api';
import { compose, type ComposeOptions, type ComposeRun } from '@tracing-lab/scripts/engine/compose';
import { enginePaths } from '@tracing-lab/scripts/engine/paths';

// The Compose project `npm run test:compose` has brought up in the lab's engine (scripts/test-compose.sh),
// seen as a learner sees it: through `docker compose` and the ports it publishes on 127.0.0.1, and
// through the engine's Docker API for what only the engine knows (users, stop timeouts, exit codes).

export const REPO_ROOT = resolve(__dirname, '../../..');
export const PROJECT = 'tracing-lab';
export const FRONTEND = 'http://127.0.0.1:8080';
export const JAEGER = 'http://127.0.0.1:16686';

const paths = enginePaths();

export async function dockerCompose(args: string[], options: ComposeOptions = {}): Promise<ComposeRun> {
  const run = await compose(REPO_ROOT, paths, args, options);
  if (run.code !== 0) throw new Error(`docker compose ${args.join(' ')} exited ${run.code}: ${run.output.trim()}`);
  return run;
}

// A file beside the tests, laid over docker-compose.yml for one step.
export function override(name: string): string {
  return join(__dirname, '..', name);
}

// What `docker inspect` shows of a container, as far as the tests read it.
export interface Inspected {
  Id: string;
  Image: string;
  Config: { User: string; Env: string[]; StopTimeout?: number };
  State: { Status: string; Pid: number; ExitCode: number; StartedAt: string; FinishedAt: string; Health?: { Status: string } };
}

export async function containerOf(service: string): Promise<Inspected> {
  const filters = JSON.stringify({ label: [`com.docker.compose.project=${PROJECT}`, `com.docker.compose.service=${service}`] });
  const listed = await engineRequest<{ Id: string }[]>(paths.socket, 'GET', `/v1.41/containers/json?all=true&filters=${encodeURIComponent(filters)}`);
  const [first, ...more] = listed;
  if (!first || more.length) throw new Error(`expected one container of ${service}, found ${listed.length}`);
  return engineRequest<Inspected>(paths.socket, 'GET', `/v1.41/containers/${first.Id}/json`);
}
