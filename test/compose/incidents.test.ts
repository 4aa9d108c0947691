import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { waitFor } from '@tracing-lab/checker/poll';
import { engineRequest } from '@tracing-lab/scripts/engine/api';
import { compose, type ComposeRun } from '@tracing-lab/scripts/engine/compose';
import { enginePaths } from '@tracing-lab/scripts/engine/paths';
import { catalogue, type Incident } from '@tracing-lab/scripts/lab/incidents/catalogue';
import { CAUSES } from '@tracing-lab/scripts/lab/incidents/causes';
import { firstSeedFor, pickIncident } from '@tracing-lab/scripts/lab/incidents/pick';
import { labPaths } from '@tracing-lab/scripts/lab/lab-state';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, recentTrees } from '../integration/support/incident-solver.js';
import { dockerCompose, PROJECT, REPO_ROOT } from './support/lab.js';

// Incidents under Compose, with a learner's commands there: `docker compose run --rm lab incident start`
// breaks the containers without naming the fault anywhere a learner can look (spans, logs, /health,
// each container's environment and processes), `docker compose run --rm load` drives traffic, a solver
// that reads only Jaeger's API on the published port names the service, operation and cause, the
// answer scores 100, and `incident stop` leaves no worker and no setting behind. One incident of each
// way a fault is made: a setting over one Compose gives (the service restarted with it), a relay and a
// background job (containers beside the mesh), SQL in the database. The native suite proves every
// incident of the catalogue (test/integration/incidents.test.ts).

const IDS = ['notifier-samples-alone', 'header-stripping-hop', 'held-stock-rows', 'slow-order-insert'];
const SECRETS = [...catalogue(0).map((i) => i.id), ...Object.keys(CAUSES)];
const APP_PORTS = { frontend: 8080, backend: 8081, database: 8082, notifier: 8083 };
const paths = enginePaths();
const STATE_FILE = labPaths(REPO_ROOT).stateFile;
const savedState = existsSync(STATE_FILE) ? readFileSync(STATE_FILE) : undefined;

// As in tools.test.ts: the one-line outcomes are read, not the exit code Podman 4.3 loses.
function run(...args: string[]): Promise<ComposeRun> {
  return compose(REPO_ROOT, paths, ['run', '--rm', ...args]);
}

interface Listed {
  Id: string;
  Names: string[];
  Labels: Record<string, string>;
}
interface Inspected {
  Name: string;
  Path: string;
  Args: string[];
  Config: { Env: string[] };
  State: { Pid: number };
}

async function projectContainers(): Promise<Inspected[]> {
  const filters = JSON.stringify({ label: [`com.docker.compose.project=${PROJECT}`], status: ['running'] });
  const listed = await engineRequest<Listed[]>(paths.socket, 'GET', `/v1.41/containers/json?filters=${encodeURIComponent(filters)}`);
  return Promise.all(listed.map(({ Id }) => engineRequest<Inspected>(paths.socket, 'GET', `/v1.41/containers/${Id}/json`)));
}

// The containers beside the services: `docker compose run` ones, the lab's workers among them.
async function oneOffContainers(): Promise<string[]> {
  const filters = JSON.stringify({ label: [`com.docker.compose.project=${PROJECT}`, 'com.docker.compose.oneoff=True'] });
  const listed = await engineRequest<Listed[]>(paths.socket, 'GET', `/v1.41/containers/json?all=true&filters=${encodeURIComponent(filters)}`);
  return listed.map((c) => c.Names.join(','));
}

async function settingsFiles(): Promise<string[]> {
  const { Mountpoint } = await engineRequest<{ Mountpoint: string }>(paths.socket, 'GET', `/v1.41/volumes/${PROJECT}_service-settings`);
  return readdirSync(Mountpoint);
}

// Every process of a container, seen from the host: its first one and their children.
function processTree(pid: number): number[] {
  const children = (p: number): number[] => {
    const file = `/proc/${p}/task/${p}/children`;
    const found = existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
    return found.flatMap((child) => [child, ...children(child)]);
  };
  return [pid, ...children(pid)];
}

// What a learner can read under Compose: the services' logs since `since`, /health, and each running
// container's name, command, environment, and its processes' environments and arguments.
async function learnerVisibleText(since: Date): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  seen.logs = (await dockerCompose(['logs', '--no-color', '--since', since.toISOString()])).output;
  for (const [name, port] of Object.entries(APP_PORTS)) {
    seen[`${name} /health`] = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.text(), (e: Error) => e.message);
  }
  for (const container of await projectContainers()) {
    seen[`${container.Name} inspect`] = [container.Name, container.Path, ...container.Args, ...container.Config.Env].join(' ');
    for (const pid of processTree(container.State.Pid)) {
      for (const part of ['environ', 'cmdline']) {
        const path = `/proc/${pid}/${part}`;
        if (existsSync(path)) seen[`${container.Name} ${pid} ${part}`] = readFileSync(path).toString().replaceAll('\0', ' ');
      }
    }
  }
  return seen;
}

function leaks(texts: Record<string, string>): string[] {
  return Object.entries(texts).flatMap(([where, text]) => SECRETS.filter((word) => text.includes(word)).map((word) => `${word} in ${where}`));
}

function loadArgs(incident: Incident): string[] {
  return ['--scenario', incident.traffic, '--duration', '8', '--rate', '20'];
}

beforeAll(async () => {
  await dockerCompose(['--profile', 'tools', 'build']);
  await run('lab', 'incident', 'stop');
});

afterAll(async () => {
  await run('lab', 'incident', 'stop');
  if (savedState) writeFileSync(STATE_FILE, savedState);
  else rmSync(STATE_FILE, { force: true });
});

// One retry, from a fresh start (afterEach stops the incident first): Podman 4.3's DNS server drops
// queries while it reloads for each container that joins or leaves the network (aardvark-dns#389),
// and an incident's run here starts and removes several. A broken incident fails both attempts; the
// native proof (test/integration/incidents.test.ts) has no retry.
describe.each(IDS)('incident %s under Compose', { retry: 1 }, (id) => {
  // A failed proof must not leave its incident to the next one.
  afterEach(async () => {
    await run('lab', 'incident', 'stop');
  });

  it('is found from the traces alone, leaks its name nowhere, scores 100 when answered, and stop leaves nothing behind', async () => {
    const since = new Date();
    const started = await run('lab', 'incident', 'start', '--seed', String(firstSeedFor(id)));
    expect(started.output).toContain('An incident is under way');
    expect(started.output).toContain('Drive traffic:  docker compose run --rm load --scenario mixed');
    const incident = pickIncident(firstSeedFor(id));
    expect(leaks({ 'start output': started.output })).toEqual([]);

    const sinceMs = Date.now();
    const load = await run('load', ...loadArgs(incident));
    expect(load.output).toMatch(/requests/);
    const found = await waitFor(`a diagnosis of ${id} from Jaeger`, async () => diagnose(await recentTrees(sinceMs)), { timeoutMs: 30_000, intervalMs: 2_000 });
    expect(found, `the solver's diagnosis: ${JSON.stringify(found)}`).toMatchObject({ cause: incident.answer.cause });
    expect(incident.answer.services).toContain(found.service);
    expect(incident.answer.operations).toContain(found.operation);

    const spans = (await recentTrees(sinceMs)).flatMap((t) => t.spans.map((s) => ({ service: s.service, operation: s.operation, attributes: s.attributes, error: s.errorMessage })));
    expect(leaks({ spans: JSON.stringify(spans), ...(await learnerVisibleText(since)) })).toEqual([]);

    const answered = await run('lab', 'incident', 'answer', '--service', found.service, '--operation', found.operation, '--cause', found.cause, '--trace', found.traceId);
    expect(answered.output).toContain('100/100');

    const stopped = await run('lab', 'incident', 'stop');
    expect(stopped.output).toContain(`The incident was ${id}: 100/100`);
    expect({ workers: await oneOffContainers(), settings: await settingsFiles() }).toEqual({ workers: [], settings: [] });
  });
});

describe('after the incidents', () => {
  // One retry, for the Podman DNS gap tools.test.ts describes.
  it('docker compose run --rm check scores 100/100: the mesh is mended', { retry: 1 }, async () => {
    const { output } = await run('check');
    expect(output).toMatch(/Score: 100\/100 points \(11 of 11 tasks pass\)/);
  });
});
