import { join } from 'node:path';
import pg from 'pg';

// How an incident breaks the mesh, and how it is mended. Each kind is something that breaks real
// systems: a setting changed (the service restarted with it), a change to the database's objects, a
// process beside the mesh. None carries the incident's name: settings have plain values, SQL objects
// plain names, processes a script name and no arguments. Where the mesh runs is the FaultMesh's
// business: the native stack's processes (native-faults.ts) or the Compose project's containers
// (compose-faults.ts).

export type Fault =
  // The service restarted with these settings.
  | { kind: 'settings'; service: string; env: Record<string, string> }
  // SQL run in the lab's database; `restore` undoes it.
  | { kind: 'sql'; apply: string; restore: string }
  // A relay that forwards the calls `service` sends to its `urlVariable`, given to it in its place.
  | { kind: 'relay'; service: string; urlVariable: string; to: string }
  // A process of ours beside the mesh, with the database's connection settings of `service`.
  | { kind: 'background'; service: string; script: 'row-holder' };

// What `start` did, so that `stop` can undo exactly that, even after a failed or interrupted start.
export interface AppliedFault {
  fault: Fault;
  // The background process or relay: its name under .stack/pids, or its container's name.
  process?: string;
}

export type Log = (line: string) => void;

// A worker the mesh started, and the host its neighbours reach it at.
export interface StartedWorker {
  name: string;
  host: string;
}

export interface FaultMesh {
  // Throws a LabError saying how to start the mesh when it is not running.
  assertRunning(): Promise<void>;
  // Restarts `service` with these settings over its own (none: back to its own).
  restartWith(service: string, env: Record<string, string>, log: Log): Promise<void>;
  // The environment `service` runs with now, as the mesh gives it (its own settings).
  environment(service: string): Promise<Record<string, string>>;
  // A port a worker can listen on.
  workerPort(): Promise<number>;
  startWorker(index: number, script: string, env: Record<string, string>): Promise<StartedWorker>;
  stopWorker(name: string): Promise<void>;
}

const WORKERS = join(__dirname, 'workers');

export function workerScript(script: string): string {
  return join(WORKERS, `${script}.js`);
}

export async function applyFault(mesh: FaultMesh, fault: Fault, index: number, log: Log): Promise<AppliedFault> {
  switch (fault.kind) {
    case 'settings':
      await mesh.restartWith(fault.service, fault.env, log);
      return { fault };
    case 'sql':
      await runSql(mesh, fault.apply);
      return { fault };
    case 'relay': {
      const target = (await mesh.environment(fault.service))[fault.urlVariable];
      if (!target) throw new Error(`${fault.service} has no ${fault.urlVariable} to put a relay in front of`);
      const port = await mesh.workerPort();
      const worker = await mesh.startWorker(index, 'header-relay', { RELAY_PORT: String(port), RELAY_TARGET: target });
      const applied = { fault, process: worker.name };
      await mesh.restartWith(fault.service, { [fault.urlVariable]: `http://${worker.host}:${port}` }, log);
      return applied;
    }
    case 'background': {
      const worker = await mesh.startWorker(index, fault.script, await pgEnv(mesh, fault.service));
      return { fault, process: worker.name };
    }
  }
}

export async function restoreFault(mesh: FaultMesh, applied: AppliedFault, log: Log): Promise<void> {
  if (applied.process) await mesh.stopWorker(applied.process);
  const { fault } = applied;
  if (fault.kind === 'settings' || fault.kind === 'relay') await mesh.restartWith(fault.service, {}, log);
  if (fault.kind === 'sql') await runSql(mesh, fault.restore);
}

// The lab database, as `service` reaches it (its PG* variables).
async function pgEnv(mesh: FaultMesh, service: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await mesh.environment(service)).filter(([key]) => key.startsWith('PG')));
}

async function runSql(mesh: FaultMesh, sql: string): Promise<void> {
  const env = await pgEnv(mesh, 'database');
  const client = new pg.Client({ host: env.PGHOST, port: Number(env.PGPORT), user: env.PGUSER, password: env.PGPASSWORD, database: env.PGDATABASE });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
