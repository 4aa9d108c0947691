import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../free-port.js';
import { stopProcess, startProcess } from '../../processes.js';
import { down, service, type Stack, up } from '../../stack.js';

// How an incident breaks the native stack, and how it is mended. Each kind is something that breaks
// real systems: a setting changed (the service restarted with it), a change to the database's
// objects, a process beside the mesh. None carries the incident's name: settings have plain values,
// SQL objects plain names, processes a script name and no arguments.

export type Fault =
  // The service restarted with these settings.
  | { kind: 'settings'; service: string; env: Record<string, string> }
  // SQL run in the lab's database; `restore` undoes it.
  | { kind: 'sql'; apply: string; restore: string }
  // A relay that forwards `service`'s calls to `to`, given to `service` as its `urlVariable`.
  | { kind: 'relay'; service: string; urlVariable: string; to: string }
  // A process of ours beside the mesh, with the database's connection settings of `service`.
  | { kind: 'background'; service: string; script: 'row-holder' };

// What `start` did, so that `stop` can undo exactly that, even after a failed or interrupted start.
export interface AppliedFault {
  fault: Fault;
  // The background process or relay, by its name under .stack/pids.
  process?: string;
}

const WORKERS = join(__dirname, 'workers');

export async function applyFault(stack: Stack, fault: Fault, index: number, log: (line: string) => void): Promise<AppliedFault> {
  switch (fault.kind) {
    case 'settings':
      await restartWith(stack, fault.service, fault.env, log);
      return { fault };
    case 'sql':
      await runSql(stack, fault.apply);
      return { fault };
    case 'relay': {
      const name = `lab-worker-${index}`;
      const port = await freePort();
      const target = `http://127.0.0.1:${service(stack, fault.to).ports[0]}`;
      startProcess(stack.paths, name, [process.execPath, join(WORKERS, 'header-relay.js')], WORKERS, { RELAY_PORT: String(port), RELAY_TARGET: target });
      await restartWith(stack, fault.service, { [fault.urlVariable]: `http://127.0.0.1:${port}` }, log);
      return { fault, process: name };
    }
    case 'background': {
      const name = `lab-worker-${index}`;
      startProcess(stack.paths, name, [process.execPath, join(WORKERS, `${fault.script}.js`)], WORKERS, pgEnv(stack, fault.service));
      return { fault, process: name };
    }
  }
}

export async function restoreFault(stack: Stack, applied: AppliedFault, log: (line: string) => void): Promise<void> {
  if (applied.process) await stopProcess(stack.paths, applied.process, 3_000);
  const { fault } = applied;
  if (fault.kind === 'settings' || fault.kind === 'relay') await restartWith(stack, fault.service, {}, log);
  if (fault.kind === 'sql') await runSql(stack, fault.restore);
}

async function restartWith(stack: Stack, name: string, env: Record<string, string>, log: (line: string) => void): Promise<void> {
  log(`restarting ${name}`);
  await down(stack, [name]);
  await up(stack, [name], { [name]: env });
}

// The lab database, as the database service reaches it (its PG* variables).
function pgEnv(stack: Stack, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(service(stack, name).env).filter(([key]) => key.startsWith('PG')));
}

async function runSql(stack: Stack, sql: string): Promise<void> {
  const env = pgEnv(stack, 'database');
  const client = new pg.Client({
    host: env.PGHOST,
    port: Number(env.PGPORT),
    user: env.PGUSER,
    password: env.PGPASSWORD,
    database: env.PGDATABASE,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
