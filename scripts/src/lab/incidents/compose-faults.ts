import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@tracing-lab/checker/poll';
import { engineRequest, EngineApiError } from '../../engine/api.js';
import { ENGINE_SOCKET } from '../compose-mesh.js';
import { LabError } from '../exercise-files.js';
import { type FaultMesh, type Log, workerScript } from './faults.js';

// The faults under Compose, from the lab's container (`docker compose run --rm lab incident …`), through
// the engine's API mounted into it:
// - settings: the lab writes `<service>.env` into the volume docker-compose.yml mounts at
//   /run/service-settings in every app service, whose entrypoint reads it before starting Node, and
//   restarts the service's container. Restarting is not recreating: the container keeps everything
//   Compose gave it (its environment as `docker inspect` shows it, networks, health check), and a
//   container `docker compose watch` or `up` recreates reads the same file, so the incident lasts
//   until `incident stop` deletes it.
// - workers: containers of the lab's own image on the project's network, named and labelled as
//   `docker compose run lab` names its own, the script and its settings given as the native lab gives
//   them. `docker compose down` does not remove them (measured with Compose 2.40 on Podman 4.3): it
//   leaves the network until `incident stop` removes the worker (docs/incidents.md).

// Where the lab's container has the settings volume (docker-compose.yml, service `lab`).
const SETTINGS_DIR_VARIABLE = 'LAB_SERVICE_SETTINGS';
const RESTARTED_WITHIN_MS = 120_000;
// Any port: a worker has its container's network namespace to itself.
const WORKER_PORT = 8080;

interface Container {
  Id: string;
  Image: string;
  Config: { Env: string[]; Labels: Record<string, string> };
  State: { Running: boolean; StartedAt: string };
  NetworkSettings: { Networks: Record<string, unknown> };
}

export function composeFaultMesh(socket = ENGINE_SOCKET, env: NodeJS.ProcessEnv = process.env): FaultMesh {
  const settingsDir = env[SETTINGS_DIR_VARIABLE];
  if (!settingsDir) throw new LabError(`${SETTINGS_DIR_VARIABLE} is not set: run the lab as docker-compose.yml's service lab (docker compose run --rm lab …)`);
  const api = <T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => engineRequest<T>(socket, method, path, body);
  // The lab's own container: its project, image and network are the workers'.
  let self: Promise<Container> | undefined;
  const own = () => (self ??= api<Container>('GET', `/containers/${hostname()}/json`));
  const project = async () => {
    const name = (await own()).Config.Labels['com.docker.compose.project'];
    if (!name) throw new LabError('the lab does not run in a Compose project: run it with docker compose run --rm lab …');
    return name;
  };

  async function serviceContainers(service: string): Promise<Container[]> {
    const filters = JSON.stringify({ label: [`com.docker.compose.project=${await project()}`, `com.docker.compose.service=${service}`, 'com.docker.compose.oneoff=False'] });
    const listed = await api<{ Id: string }[]>('GET', `/containers/json?all=true&filters=${encodeURIComponent(filters)}`);
    return Promise.all(listed.map(({ Id }) => api<Container>('GET', `/containers/${Id}/json`)));
  }

  return {
    async assertRunning() {
      if (!(await serviceContainers('frontend')).some((c) => c.State.Running)) {
        throw new LabError('the Compose project is not running: start it with docker compose up --detach');
      }
    },
    async restartWith(service: string, settings: Record<string, string>, log: Log) {
      const file = join(settingsDir, `${service}.env`);
      if (Object.keys(settings).length) writeFileSync(file, envFile(settings), { mode: 0o644 });
      else rmSync(file, { force: true });
      // None: the project is down, and the file is what its next start reads.
      for (const container of await serviceContainers(service)) {
        log(`restarting ${service}`);
        await api('POST', `/containers/${container.Id}/restart?t=10`);
        await waitFor(`${service} to answer again after its restart`, async () => {
          const now = await api<Container>('GET', `/containers/${container.Id}/json`);
          if (!now.State.Running || now.State.StartedAt === container.State.StartedAt) return undefined;
          return (await answersHealth(service, variables(now).PORT)) ? true : undefined;
        }, { timeoutMs: RESTARTED_WITHIN_MS, intervalMs: 500 });
      }
    },
    async environment(service: string) {
      const [container] = await serviceContainers(service);
      if (!container) throw new LabError(`the Compose project runs no ${service}: start it with docker compose up --detach`);
      return variables(container);
    },
    async workerPort() {
      return WORKER_PORT;
    },
    async startWorker(_index: number, script: string, settings: Record<string, string>) {
      const { Image, NetworkSettings } = await own();
      const network = Object.keys(NetworkSettings.Networks)[0];
      if (!network) throw new LabError('the lab container is on no network');
      const name = `${await project()}-lab-run-${randomBytes(6).toString('hex')}`;
      const { Id } = await api<{ Id: string }>('POST', `/containers/create?name=${name}`, {
        Image,
        Entrypoint: ['node'],
        Cmd: [workerScript(script)],
        Env: Object.entries({ ...settings, RELAY_HOST: '0.0.0.0' }).map(([key, value]) => `${key}=${value}`),
        Labels: { 'com.docker.compose.project': await project(), 'com.docker.compose.service': 'lab', 'com.docker.compose.oneoff': 'True' },
        HostConfig: { Init: true, NetworkMode: network },
      });
      await api('POST', `/containers/${Id}/start`);
      return { name, host: name };
    },
    async stopWorker(name: string) {
      try {
        await api('DELETE', `/containers/${name}?force=true`);
      } catch (error) {
        // Gone already: removed by hand, or by a stop that was interrupted after removing it.
        if (!(error instanceof EngineApiError && error.status === 404)) throw error;
      }
    },
  };
}

// Read by `sh` with `set -a` (docker-compose.yml's entrypoint of the app services).
export function envFile(settings: Record<string, string>): string {
  return Object.entries(settings)
    .map(([key, value]) => {
      if (!/^[A-Z_][A-Z0-9_]*$/.test(key) || value.includes("'")) throw new Error(`a setting sh cannot read back: ${key}=${value}`);
      return `${key}='${value}'\n`;
    })
    .join('');
}

function variables(container: Container): Record<string, string> {
  return Object.fromEntries(container.Config.Env.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

async function answersHealth(service: string, port: string | undefined): Promise<boolean> {
  if (!port) return true;
  try {
    return (await fetch(`http://${service}:${port}/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}
