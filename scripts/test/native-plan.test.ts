import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ComposeService, resolveCompose } from '../src/compose-file.js';
import { healthcheckCommand, kindOf, type NativeService, nativePlan, publishedPort, rewriteHosts, startOrder } from '../src/native-plan.js';

// The plan is read from the real docker-compose.yml as the Compose CLI resolves it (with .env), so a
// change there that the native stack cannot reproduce fails here, not halfway through `npm run stack:up`.
const repoRoot = join(__dirname, '../..');
const toolsBin = join(repoRoot, '.tools', 'bin');
const plan = nativePlan(resolveCompose(repoRoot), repoRoot, toolsBin);

function service(name: string, from: NativeService[] = plan): NativeService {
  const found = from.find((s) => s.name === name);
  if (!found) throw new Error(`no service '${name}' in the plan (have: ${plan.map((s) => s.name).join(', ')})`);
  return found;
}

function position(name: string): number {
  return plan.findIndex((s) => s.name === name);
}

function stub(name: string, dependsOn: string[]): NativeService {
  return { name, kind: 'app', command: [], cwd: '/', env: {}, healthcheck: [], dependsOn, ports: [] };
}

describe('nativePlan against docker-compose.yml', () => {
  it('gives every Compose service a native kind', () => {
    expect(Object.fromEntries(plan.map((s) => [s.name, s.kind]))).toEqual({
      jaeger: 'jaeger',
      rabbitmq: 'rabbitmq',
      postgres: 'postgres',
      database: 'app',
      backend: 'app',
      notifier: 'app',
      frontend: 'app',
      'trace-api': 'app',
    });
  });

  it('points the services at each other through the loopback address', () => {
    expect(service('frontend').env.BACKEND_URL).toBe('http://127.0.0.1:8081');
    expect(service('backend').env.DATABASE_SERVICE_URL).toBe('http://127.0.0.1:8082');
    expect(service('notifier').env.DATABASE_SERVICE_URL).toBe('http://127.0.0.1:8082');
  });

  it('rewrites the broker host of the AMQP URL and keeps its credentials', () => {
    expect(service('database').env.AMQP_URL).toBe('amqp://lab:lab@127.0.0.1:5672');
    expect(service('notifier').env.AMQP_URL).toBe('amqp://lab:lab@127.0.0.1:5672');
  });

  it('sends every app service spans to Jaeger on the loopback address', () => {
    for (const app of plan.filter((s) => s.kind === 'app')) {
      expect(app.env.OTEL_EXPORTER_OTLP_ENDPOINT, app.name).toBe('http://127.0.0.1:4318');
    }
  });

  it('turns the bare postgres host name into the loopback address', () => {
    expect(service('database').env.PGHOST).toBe('127.0.0.1');
  });

  it('keeps Jaeger and every app service on loopback natively where the container listens on every interface', () => {
    expect(service('jaeger').env.JAEGER_LISTEN_HOST).toBe('127.0.0.1');
    for (const app of plan.filter((s) => s.kind === 'app')) expect(app.env.LISTEN_HOST, app.name).toBe('127.0.0.1');
  });

  it('gives RabbitMQ, and every RabbitMQ command including its health check, the loopback-only settings', () => {
    expect(service('rabbitmq').env).toMatchObject({
      RABBITMQ_CONFIG_FILE: join(repoRoot, '.stack', 'rabbitmq', 'rabbitmq.conf'),
      ERL_EPMD_ADDRESS: '127.0.0.1',
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    });
  });

  it('keeps a service name that is not an address, such as OTEL_SERVICE_NAME, and values that name no service', () => {
    expect(service('database').env.OTEL_SERVICE_NAME).toBe('database');
    expect(service('frontend').env.OTEL_SERVICE_NAME).toBe('frontend');
    expect(service('backend').env.OTEL_TRACES_SAMPLER).toBe('parentbased_always_on');
  });

  it('starts Jaeger and PostgreSQL, then database, then RabbitMQ and backend, then frontend', () => {
    for (const infra of ['jaeger', 'postgres']) expect(position(infra)).toBeLessThan(position('database'));
    expect(position('rabbitmq')).toBeLessThan(position('backend'));
    expect(position('database')).toBeLessThan(position('backend'));
    expect(position('backend')).toBeLessThan(position('frontend'));
    expect(position('notifier')).toBeLessThan(position('frontend'));
  });

  it('starts every service after all of its dependencies', () => {
    for (const s of plan) {
      for (const dependency of s.dependsOn) expect(position(dependency), `${s.name} after ${dependency}`).toBeLessThan(position(s.name));
    }
  });

  it('runs the Jaeger binary from the tools folder, with the Compose command, in the mounted config folder', () => {
    expect(service('jaeger').command).toEqual([join(toolsBin, 'jaeger'), '--config', 'config.yaml', '--config', 'yaml:{}']);
    expect(service('jaeger').cwd).toBe(join(repoRoot, 'jaeger'));
  });

  it('runs the app services with their Compose command from the repository root', () => {
    expect(service('backend').command).toEqual(['node', '--import', '@tracing-lab/shared-tracing/register', 'services/backend/dist/index.js']);
    expect(service('backend').cwd).toBe(repoRoot);
  });

  it('publishes the container ports, dropping the host address', () => {
    expect(service('jaeger').ports).toEqual([16686, 4318, 4317]);
    expect(service('frontend').ports).toEqual([8080]);
  });

  it('turns the exec-form health checks into argument lists', () => {
    const { POSTGRES_USER, POSTGRES_DB } = service('postgres').env;
    expect(service('postgres').healthcheck).toEqual(['pg_isready', '-h', 'localhost', '-U', POSTGRES_USER, '-d', POSTGRES_DB]);
  });
});

describe('credentials from .env', () => {
  const planWith = (env: Record<string, string>) => nativePlan(resolveCompose(repoRoot, { ...process.env, ...env }), repoRoot, toolsBin);

  it('gives PostgreSQL and the database service the same user, password and database', () => {
    const postgres = service('postgres').env;
    expect(service('database').env).toMatchObject({
      PGUSER: postgres.POSTGRES_USER,
      PGPASSWORD: postgres.POSTGRES_PASSWORD,
      PGDATABASE: postgres.POSTGRES_DB,
    });
  });

  it('follows a password changed in the shell into the broker, the database and every client of them', () => {
    const changed = planWith({ LAB_RABBITMQ_USER: 'shell-user', LAB_RABBITMQ_PASSWORD: 'from-shell-1', LAB_POSTGRES_PASSWORD: 'from-shell-2' });
    expect(service('rabbitmq', changed).env.RABBITMQ_DEFAULT_PASS).toBe('from-shell-1');
    for (const client of ['database', 'notifier', 'trace-api']) {
      expect(service(client, changed).env.AMQP_URL, client).toBe('amqp://shell-user:from-shell-1@127.0.0.1:5672');
    }
    expect(service('postgres', changed).env.POSTGRES_PASSWORD).toBe('from-shell-2');
    expect(service('database', changed).env.PGPASSWORD).toBe('from-shell-2');
  });

  it('refuses to start without a credential, naming the variable and where to set it', () => {
    expect(() => planWith({ LAB_RABBITMQ_PASSWORD: '' })).toThrow(
      'required variable LAB_RABBITMQ_PASSWORD is missing a value: set it in .env',
    );
  });
});

describe('rewriteHosts', () => {
  const names = ['backend', 'rabbitmq', 'postgres', 'frontend', 'my.db'];
  const rows: Array<[string, string, string]> = [
    ['BACKEND_URL', 'http://backend:8081', 'http://127.0.0.1:8081'],
    ['BACKEND_URL', 'http://backend/path', 'http://127.0.0.1/path'],
    ['BACKEND_URL', 'http://backend', 'http://127.0.0.1'],
    ['AMQP_URL', 'amqp://lab:lab@rabbitmq:5672', 'amqp://lab:lab@127.0.0.1:5672'],
    ['PGHOST', 'postgres', '127.0.0.1'],
    // Only the host is an address: a user that happens to share a service's name stays.
    ['DB_URL', 'postgres://postgres:pw@postgres:5432/lab', 'postgres://postgres:pw@127.0.0.1:5432/lab'],
    ['JAEGER_LISTEN_HOST', '0.0.0.0', '127.0.0.1'],
    ['OTEL_SERVICE_NAME', 'frontend', 'frontend'],
    ['PGHOST', 'db.example.com', 'db.example.com'],
    ['BACKEND_URL', 'http://backend-2:8081', 'http://backend-2:8081'],
    ['BACKEND_URL', 'http://mybackend:8081', 'http://mybackend:8081'],
    ['DB_URL', 'http://myXdb:1', 'http://myXdb:1'],
    ['DB_URL', 'http://my.db:1', 'http://127.0.0.1:1'],
    ['LOG_LEVEL', 'backend-url', 'backend-url'],
    ['HEALTH_URL', 'http://localhost:13133/status', 'http://localhost:13133/status'],
  ];
  it.each(rows)('%s=%s -> %s', (key, value, expected) => {
    expect(rewriteHosts(key, value, names)).toBe(expected);
  });
});

// Ports as Compose resolves the short forms `127.0.0.1:8080:8080`, `4318:4318/udp` and `8080`.
describe('publishedPort', () => {
  it.each([
    [{ host_ip: '127.0.0.1', target: 8080, published: '8080', protocol: 'tcp' }, 8080],
    [{ target: 4318, published: '4318', protocol: 'udp' }, 4318],
    [{ target: 8080, protocol: 'tcp' }, 8080],
  ])('%j publishes %i', (mapping, port) => {
    expect(publishedPort('web', mapping)).toBe(port);
  });

  it('rejects a mapping that changes the port, naming the service and the mapping', () => {
    expect(() => publishedPort('frontend', { host_ip: '127.0.0.1', target: 8080, published: '80' })).toThrow(
      "service 'frontend': port mapping 80:8080 must publish the container port unchanged",
    );
  });
});

describe('startOrder', () => {
  it('puts dependencies first, whatever order the services come in', () => {
    const ordered = startOrder([stub('frontend', ['backend']), stub('backend', ['database']), stub('database', [])]);
    expect(ordered.map((s) => s.name)).toEqual(['database', 'backend', 'frontend']);
  });

  it('reports a depends_on cycle with its path', () => {
    expect(() => startOrder([stub('a', ['b']), stub('b', ['c']), stub('c', ['a'])])).toThrow('depends_on cycle: a -> b -> c -> a');
  });

  it('reports a dependency on a service that does not exist', () => {
    expect(() => startOrder([stub('backend', ['databse'])])).toThrow("service 'backend' depends on unknown service 'databse'");
  });
});

describe('healthcheckCommand', () => {
  const withTest = (test: string[]): ComposeService => ({ healthcheck: { test } });

  it('runs the CMD form as the argument list', () => {
    expect(healthcheckCommand('db', withTest(['CMD', 'pg_isready', '-q']))).toEqual(['pg_isready', '-q']);
  });

  it('runs the CMD-SHELL form through sh -c', () => {
    expect(healthcheckCommand('web', withTest(['CMD-SHELL', 'wget -q -O /dev/null http://localhost:8080/health || exit 1']))).toEqual([
      'sh',
      '-c',
      'wget -q -O /dev/null http://localhost:8080/health || exit 1',
    ]);
  });

  it('rejects a service without a health check, since the stack could not tell when it is up', () => {
    expect(() => healthcheckCommand('web', {})).toThrow("service 'web' has no healthcheck");
    expect(() => healthcheckCommand('web', withTest(['NONE']))).toThrow("service 'web' has no healthcheck");
  });

  it('rejects a form it cannot run, naming it', () => {
    expect(() => healthcheckCommand('web', withTest(['SHELL', 'true']))).toThrow("service 'web': healthcheck form 'SHELL' is not supported");
  });
});

describe('kindOf', () => {
  it('treats an image built from this repository as an app, whatever its name', () => {
    expect(kindOf('postgres', { build: { context: '.' }, image: 'postgres:17' })).toBe('app');
  });

  it('rejects an image with no native equivalent, naming the service and the image', () => {
    expect(() => kindOf('cache', { image: 'redis:7' })).toThrow("service 'cache': no native equivalent for image 'redis:7'");
  });
});
