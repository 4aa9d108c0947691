import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCompose } from '../src/compose-file.js';
import { envFile } from '../src/lab/incidents/compose-faults.js';
import { REPO_ROOT } from '../src/stack.js';

// An incident's settings under Compose: the lab writes them with envFile into the volume every app
// service mounts at /run/service-settings, and the services' entrypoint in docker-compose.yml reads them
// before Node starts. Here that very entrypoint runs under sh, with a folder standing in for the volume.

const SETTINGS = '/run/service-settings';
const folder = mkdtempSync(join(tmpdir(), 'service-settings-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const service = resolveCompose(REPO_ROOT).services.backend as { entrypoint?: string[] };
// Compose prints `$$` (a literal `$` in docker-compose.yml) as it is written; the container gets `$`.
const entrypoint = (service.entrypoint ?? []).map((part) => part.replaceAll('$$', '$').replaceAll(SETTINGS, folder));

function startWith(env: Record<string, string>): Record<string, string> {
  const [program = 'missing', ...args] = entrypoint;
  const printed = execFileSync(program, [...args, 'node', '-e', 'console.log(JSON.stringify(process.env))'], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return JSON.parse(printed) as Record<string, string>;
}

describe("the app services' entrypoint", () => {
  it('reads the settings file over the environment Compose gave, then runs the command', () => {
    writeFileSync(join(folder, 'backend.env'), envFile({ OTEL_TRACES_SAMPLER: 'traceidratio', DATABASE_SERVICE_URL: 'http://tracing-lab-lab-run-0a1b2c3d4e5f:8080' }));
    const env = startWith({ SERVICE: 'backend', OTEL_TRACES_SAMPLER: 'parentbased_always_on', PORT: '8081' });
    expect(env).toMatchObject({ OTEL_TRACES_SAMPLER: 'traceidratio', DATABASE_SERVICE_URL: 'http://tracing-lab-lab-run-0a1b2c3d4e5f:8080', PORT: '8081' });
  });

  it("reads only its own service's file, and runs as Compose started it without one", () => {
    const env = startWith({ SERVICE: 'frontend', OTEL_TRACES_SAMPLER: 'parentbased_always_on' });
    expect(env.OTEL_TRACES_SAMPLER).toBe('parentbased_always_on');
    expect(env.DATABASE_SERVICE_URL).toBeUndefined();
  });
});

describe('envFile', () => {
  it('writes one quoted VARIABLE=value line per setting', () => {
    expect(envFile({ DATABASE_POOL_MAX: '1', ORDER_LIST_STRATEGY: 'per-item' })).toBe("DATABASE_POOL_MAX='1'\nORDER_LIST_STRATEGY='per-item'\n");
  });

  it.each([[{ 'NOT-A-NAME': '1' }], [{ VALUE: "it's" }]])('refuses what sh would not read back: %j', (settings) => {
    expect(() => envFile(settings)).toThrow(/a setting sh cannot read back/);
  });
});
