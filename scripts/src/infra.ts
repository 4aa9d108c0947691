import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { waitFor } from '@tracing-lab/checker/poll';
import type { NativeService } from './native-plan.js';
import { mustRun, run, type StackPaths, startProcess, stopProcess } from './processes.js';

// PostgreSQL and RabbitMQ from Debian's packages, set up with the users, passwords and databases that
// the postgres and rabbitmq images create from their environment in docker-compose.yml.

export async function startPostgres(service: NativeService): Promise<void> {
  const version = postgresVersion();
  const port = service.ports[0] ?? 5432;
  const clusters = await mustRun(['pg_lsclusters', '--no-header']);
  const main = clusters.split('\n').find((line) => line.split(/\s+/)[0] === version && line.split(/\s+/)[1] === 'main');
  if (!main) await mustRun(['pg_createcluster', version, 'main', '--port', String(port)]);
  else if (main.split(/\s+/)[2] !== String(port)) {
    throw new Error(`PostgreSQL cluster ${version}/main listens on ${main.split(/\s+/)[2]}, docker-compose.yml says ${port}`);
  }
  if (!main?.includes('online')) await mustRun(['pg_ctlcluster', version, 'main', 'start']);
  const user = service.env.POSTGRES_USER ?? 'postgres';
  const password = service.env.POSTGRES_PASSWORD ?? '';
  const database = service.env.POSTGRES_DB ?? user;
  const sql = [
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(user)}) THEN CREATE ROLE ${ident(user)} LOGIN; END IF; END $$;`,
    `ALTER ROLE ${ident(user)} WITH LOGIN PASSWORD ${literal(password)};`,
  ];
  for (const statement of sql) await mustRun(['runuser', '-u', 'postgres', '--', 'psql', '-v', 'ON_ERROR_STOP=1', '-qc', statement]);
  const exists = await mustRun(['runuser', '-u', 'postgres', '--', 'psql', '-tAc', `SELECT 1 FROM pg_database WHERE datname = ${literal(database)}`]);
  if (exists.trim() !== '1') await mustRun(['runuser', '-u', 'postgres', '--', 'createdb', '-O', user, database]);
}

export async function stopPostgres(): Promise<void> {
  const result = await run(['pg_ctlcluster', postgresVersion(), 'main', 'stop', '-m', 'fast']);
  if (!result.ok && !/not running/i.test(result.output)) throw new Error(`stopping PostgreSQL: ${result.output}`);
}

export async function startRabbitMq(paths: StackPaths, service: NativeService): Promise<void> {
  const env = service.env;
  writeLoopbackConfig(env.RABBITMQ_CONFIG_FILE);
  // The management UI on :15672, as in the rabbitmq:*-management image.
  await mustRun(['rabbitmq-plugins', 'enable', '--offline', 'rabbitmq_management'], env);
  if (!(await run(['rabbitmq-diagnostics', '-q', 'ping'], env)).ok) {
    startProcess(paths, service.name, ['rabbitmq-server'], '/', env);
    // The node registers with epmd a few seconds after the process starts; until then every CLI
    // call fails at once, so the wait is a poll.
    await waitFor('RabbitMQ to answer a ping', async () => ((await run(['rabbitmq-diagnostics', '-q', 'ping'], env)).ok ? true : undefined), {
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    await mustRun(['rabbitmqctl', '--timeout', '90', 'await_startup'], env);
  }
  const user = env.RABBITMQ_DEFAULT_USER ?? 'guest';
  const password = env.RABBITMQ_DEFAULT_PASS ?? 'guest';
  const added = await run(['rabbitmqctl', 'add_user', user, password], env);
  if (!added.ok && !/already exists/i.test(added.output)) throw new Error(`adding RabbitMQ user: ${added.output}`);
  await mustRun(['rabbitmqctl', 'change_password', user, password], env);
  await mustRun(['rabbitmqctl', 'set_user_tags', user, 'administrator'], env);
  await mustRun(['rabbitmqctl', 'set_permissions', '-p', '/', user, '.*', '.*', '.*'], env);
}

// The image's ports, on loopback (see rabbitMqLoopbackEnv in native-plan.ts).
const RABBITMQ_LOOPBACK_CONF = `listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
`;

function writeLoopbackConfig(file: string | undefined): void {
  if (!file) throw new Error('the native plan gives RabbitMQ no RABBITMQ_CONFIG_FILE');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, RABBITMQ_LOOPBACK_CONF);
}

// A node started otherwise (by an older version of the lab, or by the machine's service manager)
// listens on every interface; `up` restarts such a node with the loopback configuration. Judged by
// the AMQP listener: `listeners` reports the management UI as [::] whatever address it is bound to.
export async function rabbitMqListensBeyondLoopback(service: NativeService): Promise<boolean> {
  const listeners = await run(['rabbitmq-diagnostics', '-q', 'listeners'], service.env);
  return listeners.ok && amqpListensBeyondLoopback(listeners.output);
}

export function amqpListensBeyondLoopback(listenersOutput: string): boolean {
  return /^Interface: (?!127\.0\.0\.1,|\[?::1\]?,).*protocol: amqp,/m.test(listenersOutput);
}

export async function stopRabbitMq(paths: StackPaths, service: NativeService): Promise<void> {
  const result = await run(['rabbitmqctl', 'stop'], service.env);
  if (!result.ok && !/nodedown|unable to connect|not running/i.test(result.output)) {
    throw new Error(`stopping RabbitMQ: ${result.output}`);
  }
  await stopProcess(paths, service.name);
  // epmd outlives the node it served; stopped too, so the next start brings it up on loopback.
  await run(['epmd', '-kill']);
}

function postgresVersion(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('PostgreSQL is not installed: run `npm run setup`');
  return versions[0];
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function ident(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
