import { existsSync, lchownSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { engineRequest } from '../engine/api.js';
import { LabError } from './exercise-files.js';

// The lab under Compose: `docker compose run --rm lab <command>` (docker-compose.yml's profile `tools`)
// runs it in a container whose service sets LAB_STACK=compose and mounts the learner's working tree.
// There the services are containers built from that tree, so the lab only puts files in place:
// `docker compose watch` (each service's develop.watch) rebuilds and recreates the services they
// belong to. Before grading, the lab makes sure those containers were created after the files last
// changed, so a check never grades the build from before the learner's save.

// Where docker-compose.yml mounts the engine's API in the tools' containers.
export const ENGINE_SOCKET = '/var/run/docker.sock';
// Clocks that round a container's creation to the second.
const CLOCK_SLACK_MS = 1_000;

export const REBUILD_NOTE =
  'the files are in place: docker compose watch rebuilds and restarts the services they belong to ' +
  '(without it running: docker compose up --build --detach <service>)';

export const CHECK_ONCE_REBUILT = 'Once they are rebuilt, grade your work with: docker compose run --rm lab check';

export function underCompose(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LAB_STACK === 'compose';
}

export class NotRebuiltError extends LabError {}

// The Compose services that run `files`: a service's own folder, or every service for the shared
// tracing package (every folder under services/ is a service built from the Dockerfile).
export function servicesBuiltFrom(files: string[], serviceFolders: string[]): string[] {
  if (files.some((file) => file.startsWith('shared-tracing/'))) return serviceFolders;
  return serviceFolders.filter((name) => files.some((file) => file.startsWith(`services/${name}/`)));
}

interface ListedContainer {
  // Unix seconds.
  Created: number;
  Labels: Record<string, string>;
}

// Throws NotRebuiltError naming the services whose running container is older than the last change
// to `files`, or that have none.
export async function assertRebuilt(files: string[], services: string[], repoRoot: string, socket = ENGINE_SOCKET): Promise<void> {
  // A file the learner deleted changed nothing a rebuild has to catch up with.
  const changedAtMs = Math.max(0, ...files.map((file) => join(repoRoot, file)).filter(existsSync).map((path) => statSync(path).mtimeMs));
  const filters = JSON.stringify({ label: ['com.docker.compose.service'], status: ['running'] });
  let running: ListedContainer[];
  try {
    running = await engineRequest<ListedContainer[]>(socket, 'GET', `/containers/json?filters=${encodeURIComponent(filters)}`);
  } catch (error) {
    throw new LabError(`cannot ask the container engine which services run (${error instanceof Error ? error.message : String(error)}): is its socket mounted at ${socket}?`);
  }
  const stale = services.filter((service) => {
    const created = running.filter((c) => c.Labels['com.docker.compose.service'] === service).map((c) => c.Created * 1000);
    return !created.length || Math.max(...created) + CLOCK_SLACK_MS < changedAtMs;
  });
  if (stale.length) {
    throw new NotRebuiltError(
      `${stale.join(', ')} still ${stale.length === 1 ? 'runs' : 'run'} a build from before your files changed: ` +
        `keep docker compose watch running (or docker compose up --build --detach ${stale.join(' ')}), then check again`,
    );
  }
}

// The lab's container runs as root (the engine's socket needs it) in a tree the learner owns on the
// host: what it created there (.lab/, an exercise file that was not there) is handed to the tree's
// owner, so that the learner can edit it and the native lab can write it later. A file it wrote over
// kept its owner already.
export function handBackToTreeOwner(repoRoot: string, paths: string[]): void {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = statSync(repoRoot);
  if (uid === 0) return;
  const handBack = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.uid !== uid || stat.gid !== gid) lchownSync(path, uid, gid);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) handBack(join(path, entry));
  };
  for (const path of paths) if (existsSync(path)) handBack(path);
}