import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NativeService } from './native-plan.js';
import { mustRun, run, type StackPaths, startProcess, stopProcess } from './processes.js';
import { waitFor } from './wait-for.js';

// PostgreSQL and RabbitMQ from Debian's packages, set up with the users, passwords and databases that
// the postgres and rabbitmq images create from their environment in docker-compose.yml.

export async function startPostgres(service: NativeService): Promise<void> {
  const version = postgresVersion();
  const port = service.ports[0] ?? 5432;
  const clusters = mustRun(['pg_lsclusters', '--no-header']);
  const main = clusters.split('\n').find((line) => line.split(/\s+/)[0] === version && line.split(/\s+/)[1] === 'main');
  if (!main) mustRun(['pg_createcluster', version, 'main', '--port', String(port)]);
  else if (main.split(/\s+/)[2] !== String(port)) {
    throw new Error(`PostgreSQL cluster ${version}/main listens on ${main.split(/\s+/)[2]}, docker-compose.yml says ${port}`);
  }
  if (!main?.includes('online')) mustRun(['pg_ctlcluster', version, 'main', 'start']);
  const user = service.env.POSTGRES_USER ?? 'postgres';
  const password = service.env.POSTGRES_PASSWORD ?? '';
  const database = service.env.POSTGRES_DB ?? user;
  const sql = [
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(user)}) THEN CREATE ROLE ${ident(user)} LOGIN; END IF; END $$;`,
    `ALTER ROLE ${ident(user)} WITH LOGIN PASSWORD ${literal(password)};`,
  ];
  for (const statement of sql) mustRun(['runuser', '-u', 'postgres', '--', 'psql', '-v', 'ON_ERROR_STOP=1', '-qc', statement]);
  const exists = mustRun(['runuser', '-u', 'postgres', '--', 'psql', '-tAc', `SELECT 1 FROM pg_database WHERE datname = ${literal(database)}`]);
  if (exists.trim() !== '1') mustRun(['runuser', '-u', 'postgres', '--', 'createdb', '-O', user, database]);
}

export function stopPostgres(): void {
  const result = run(['pg_ctlcluster', postgresVersion(), 'main', 'stop', '-m', 'fast']);
  if (!result.ok && !/not running/i.test(result.output)) throw new Error(`stopping PostgreSQL: ${result.output}`);
}

export async function startRabbitMq(paths: StackPaths, service: NativeService): Promise<void> {
  const env = rabbitMqLoopbackEnv(paths);
  // The management UI on :15672, as in the rabbitmq:*-management image.
  mustRun(['rabbitmq-plugins', 'enable', '--offline', 'rabbitmq_management'], env);
  if (!run(['rabbitmq-diagnostics', '-q', 'ping'], env).ok) {
    startProcess(paths, service.name, ['rabbitmq-server'], '/', env);
    // The node registers with epmd a few seconds after the process starts; until then every CLI
    // call fails at once, so the wait is a poll.
    await waitFor('RabbitMQ to answer a ping', async () => (run(['rabbitmq-diagnostics', '-q', 'ping'], env).ok ? true : undefined), {
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    mustRun(['rabbitmqctl', '--timeout', '90', 'await_startup'], env);
  }
  const user = service.env.RABBITMQ_DEFAULT_USER ?? 'guest';
  const password = service.env.RABBITMQ_DEFAULT_PASS ?? 'guest';
  const added = run(['rabbitmqctl', 'add_user', user, password], env);
  if (!added.ok && !/already exists/i.test(added.output)) throw new Error(`adding RabbitMQ user: ${added.output}`);
  mustRun(['rabbitmqctl', 'change_password', user, password], env);
  mustRun(['rabbitmqctl', 'set_user_tags', user, 'administrator'], env);
  mustRun(['rabbitmqctl', 'set_permissions', '-p', '/', user, '.*', '.*', '.*'], env);
}

// RabbitMQ listens on every interface by default. Compose publishes the container's AMQP port and
// management UI on 127.0.0.1 only, so natively they, the Erlang distribution port and epmd (which the
// first RabbitMQ command starts) are kept on loopback as well, on the image's ports.
export const RABBITMQ_LOOPBACK_CONF = `listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
`;

function rabbitMqLoopbackEnv(paths: StackPaths): Record<string, string> {
  const folder = join(paths.pids, '..', 'rabbitmq');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'rabbitmq.conf');
  writeFileSync(file, RABBITMQ_LOOPBACK_CONF);
  return {
    RABBITMQ_CONFIG_FILE: file,
    ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
}

export async function stopRabbitMq(paths: StackPaths, service: NativeService): Promise<void> {
  const result = run(['rabbitmqctl', 'stop'], rabbitMqLoopbackEnv(paths));
  if (!result.ok && !/nodedown|unable to connect|not running/i.test(result.output)) {
    throw new Error(`stopping RabbitMQ: ${result.output}`);
  }
  await stopProcess(paths, service.name);
  // epmd outlives the node it served; stopped too, so the next start brings it up on loopback.
  run(['epmd', '-kill']);
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
