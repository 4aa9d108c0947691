import { readFileSync } from 'node:fs';
import { loadExercises } from '@tracing-lab/checker/exercises';
import { type ComposeService, resolveCompose } from '@tracing-lab/scripts/compose-file';
import { describe, expect, it } from 'vitest';
import { containerOf, dockerCompose, REPO_ROOT } from './support/lab.js';

// What `docker compose up --build --wait` started from the unmodified docker-compose.yml and
// Dockerfile, in a real engine: every service healthy by its own health check, each image's user,
// the stop grace periods, .env's credentials interpolated into the services' environment, and the
// lab's files mounted into trace-api for the explorer's progress view.

const services = resolveCompose(REPO_ROOT).services as Record<string, ComposeService & { stop_grace_period?: string }>;
const serviceNames = Object.keys(services).sort();
const appServices = serviceNames.filter((name) => services[name]?.build);

interface PsLine {
  Service: string;
  State: string;
  Health: string;
}

describe('the project docker compose up --build --wait started', () => {
  it('runs every service of docker-compose.yml, each healthy by its own health check', async () => {
    const { output } = await dockerCompose(['ps', '--all', '--format', 'json']);
    // One JSON object per line (older Compose releases printed one array).
    const text = output.trim();
    const containers = (text.startsWith('[') ? JSON.parse(text) : text.split('\n').map((line) => JSON.parse(line))) as PsLine[];
    const states = containers.map((c) => `${c.Service} ${c.State} ${c.Health}`).sort();
    expect(states).toEqual(serviceNames.map((name) => `${name} running healthy`));
  });

  // Read from the host's view of each container's first process: no `docker compose exec`, whose
  // sessions Podman keeps for five minutes after they end.
  it.each(appServices)("runs %s as the Dockerfile's USER node, the Node image's uid 1000", async (service) => {
    const { Config, State } = await containerOf(service);
    expect({ user: Config.User, uid: uidOf(State.Pid) }).toEqual({ user: 'node', uid: 1000 });
  });

  it("runs Jaeger as its image's user 10001", async () => {
    const { Config, State } = await containerOf('jaeger');
    expect({ user: Config.User, uid: uidOf(State.Pid) }).toEqual({ user: '10001', uid: 10001 });
  });

  it('gives each container its stop_grace_period as the time between SIGTERM and SIGKILL', async () => {
    const timeouts = Object.fromEntries(await Promise.all(serviceNames.map(async (name) => [name, (await containerOf(name)).Config.StopTimeout])));
    const gracePeriods = Object.fromEntries(serviceNames.map((name) => [name, seconds(services[name]?.stop_grace_period)]));
    expect(timeouts).toEqual(gracePeriods);
  });

  it("interpolates .env's credentials into the services' environment", async () => {
    const env = (await containerOf('database')).Config.Env;
    const dotEnv = services.postgres?.environment ?? {};
    expect(env).toEqual(
      expect.arrayContaining([`PGUSER=${dotEnv.POSTGRES_USER}`, `PGPASSWORD=${dotEnv.POSTGRES_PASSWORD}`, `PGDATABASE=${dotEnv.POSTGRES_DB}`]),
    );
    expect(dotEnv.POSTGRES_USER).toBeTruthy();
  });

  it("shows the learner's progress from the host's .lab and the track from its exercises/, mounted into trace-api", async () => {
    const progress = (await (await fetch('http://127.0.0.1:3000/lab/progress')).json()) as { stateFile: string; exercises: { number: number; title: string }[] };
    expect(progress.stateFile).toBe('/app/.lab/state.json');
    expect(progress.exercises.map(({ number, title }) => `${number} ${title}`)).toEqual(expect.arrayContaining(loadExercises().map(({ number, title }) => `${number} ${title}`)));
  });
});

// The real user id of a process, as the kernel reports it.
function uidOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('Uid:'));
  return Number(line?.split(/\s+/)[1]);
}

// Compose prints durations as `10s`, `1m30s`.
function seconds(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration);
  if (!match) throw new Error(`unexpected duration ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}
