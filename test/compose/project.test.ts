import { type ComposeService, resolveCompose } from '@tracing-lab/scripts/compose-file';
import { describe, expect, it } from 'vitest';
import { containerOf, dockerCompose, REPO_ROOT } from './support/lab.js';

// What `docker compose up --build --wait` started from the unmodified docker-compose.yml and
// Dockerfile, in a real engine: every service healthy by its own health check, each image's user,
// the stop grace periods, and .env's credentials interpolated into the services' environment.

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
    const states = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PsLine)
      .map((c) => `${c.Service} ${c.State} ${c.Health}`)
      .sort();
    expect(states).toEqual(serviceNames.map((name) => `${name} running healthy`));
  });

  it.each(appServices)('runs %s as the Node image\'s user node (uid 1000), from the Dockerfile\'s USER', async (service) => {
    const { output } = await dockerCompose(['exec', '-T', service, 'id']);
    expect(output.trim()).toBe('uid=1000(node) gid=1000(node) groups=1000(node)');
  });

  it('runs Jaeger as the image\'s user 10001', async () => {
    const { output } = await dockerCompose(['exec', '-T', 'jaeger', 'id', '-u']);
    expect(output.trim()).toBe('10001');
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
});

// Compose prints durations as `10s`, `1m30s`.
function seconds(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration);
  if (!match) throw new Error(`unexpected duration ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}
