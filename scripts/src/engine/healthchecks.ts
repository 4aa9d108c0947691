import { setTimeout as sleep } from 'node:timers/promises';
import { engineRequest } from './api.js';

// Podman 4.3 schedules health checks with systemd timers, and there is no systemd here: without
// something running them, every health stays `starting`, and `compose up --wait` and `depends_on:
// condition: service_healthy` wait forever. This runs each running container's check the way Docker
// does, every `interval` from the container's start, through Podman's API (which applies the
// check's timeout, retries and start period, and records the result where Compose reads it).

// Docker's interval when a health check gives none.
const DEFAULT_INTERVAL_MS = 30_000;
const POLL_MS = 500;

export interface RunningContainer {
  id: string;
  // When this run of the container started (a restart starts the schedule again), in ms.
  startedAt: number;
  // The check's interval; undefined for a container without a health check.
  intervalMs: number | undefined;
}

// When each running container's next check is due.
export class HealthcheckSchedule {
  private readonly due = new Map<string, { startedAt: number; at: number }>();

  // The containers whose check is due at `now`; a container seen for the first time is due one
  // interval after it started. Containers no longer running are forgotten.
  dueAt(containers: readonly RunningContainer[], now: number): string[] {
    const running = new Set(containers.map((c) => c.id));
    for (const id of this.due.keys()) if (!running.has(id)) this.due.delete(id);
    const ready: string[] = [];
    for (const container of containers) {
      if (container.intervalMs === undefined) continue;
      let entry = this.due.get(container.id);
      if (!entry || entry.startedAt !== container.startedAt) {
        entry = { startedAt: container.startedAt, at: container.startedAt + container.intervalMs };
        this.due.set(container.id, entry);
      }
      if (now >= entry.at) ready.push(container.id);
    }
    return ready;
  }

  // A check of `id` finished at `now`: the next one is one interval later.
  ran(id: string, intervalMs: number, now: number): void {
    const entry = this.due.get(id);
    if (entry) entry.at = now + intervalMs;
  }
}

interface LibpodListed {
  Id: string;
  StartedAt: number;
}

interface LibpodInspected {
  Config?: { Healthcheck?: { Test?: string[]; Interval?: number } };
}

// Runs until the process is stopped. Errors (the engine restarting, a container gone between the
// list and its check) are logged and the loop goes on.
export async function runHealthchecks(socket: string, log: (line: string) => void): Promise<never> {
  const schedule = new HealthcheckSchedule();
  const intervals = new Map<string, number | undefined>();
  const inFlight = new Set<string>();
  for (;;) {
    try {
      const listed = await engineRequest<LibpodListed[]>(socket, 'GET', '/v4.0.0/libpod/containers/json');
      for (const id of intervals.keys()) if (!listed.some((c) => c.Id === id)) intervals.delete(id);
      const containers: RunningContainer[] = [];
      for (const { Id, StartedAt } of listed) {
        if (!intervals.has(Id)) intervals.set(Id, await healthcheckInterval(socket, Id));
        containers.push({ id: Id, startedAt: StartedAt * 1000, intervalMs: intervals.get(Id) });
      }
      for (const id of schedule.dueAt(containers, Date.now())) {
        if (inFlight.has(id)) continue;
        inFlight.add(id);
        engineRequest(socket, 'GET', `/v4.0.0/libpod/containers/${id}/healthcheck`)
          .catch((error: unknown) => log(`health check of ${id.slice(0, 12)}: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => {
            inFlight.delete(id);
            schedule.ran(id, intervals.get(id) ?? DEFAULT_INTERVAL_MS, Date.now());
          });
      }
    } catch (error) {
      log(`listing containers: ${error instanceof Error ? error.message : String(error)}`);
    }
    await sleep(POLL_MS);
  }
}

async function healthcheckInterval(socket: string, id: string): Promise<number | undefined> {
  const inspected = await engineRequest<LibpodInspected>(socket, 'GET', `/v4.0.0/libpod/containers/${id}/json`);
  const check = inspected.Config?.Healthcheck;
  if (!check?.Test?.length || check.Test[0] === 'NONE') return undefined;
  // Nanoseconds, as in Docker's API.
  return check.Interval ? check.Interval / 1e6 : DEFAULT_INTERVAL_MS;
}
