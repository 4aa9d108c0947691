import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveCompose } from '../src/compose-file.js';
import { freePort } from '../src/free-port.js';
import { nativePlan } from '../src/native-plan.js';

// scripts/setup/install-jaeger.sh against a file server of its own on 127.0.0.1 serving a test
// archive laid out like Jaeger's (jaeger-<version>-linux-<arch>/jaeger): the real scripts, copied into
// a scratch repo with a pin file of the test's, so the repo's .tools is never touched. The Go build
// it falls back to is already "built" there (a stub with the module's stamp): the fallback is seen,
// not run for minutes.

const run = promisify(execFile);
const REPO = join(__dirname, '../..');
const compose = resolveCompose(REPO);
const VERSION = (compose.services.jaeger?.image ?? '').split(':')[1] as string;
const MODULE = 'github.com/jaegertracing/jaeger@v1.76.0';
const ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';
const PACKAGE = `jaeger-${VERSION}-linux-${ARCH}`;
const ARCHIVE = `${PACKAGE}.tar.gz`;
const FALLBACK = `install-jaeger: building Jaeger ${VERSION} from its Go module instead: natively the Jaeger UI on :16686 is a placeholder page (the query API is complete)`;

let served: string;
let archiveSha: string;
let server: Server;
let baseUrl: string;
let requests: string[];
let root: string;

beforeAll(async () => {
  // The release's folder, as the file server serves it: <base>/v<version>/<archive>.
  served = mkdtempSync(join(tmpdir(), 'jaeger-release-served-'));
  const staging = join(served, 'staging', PACKAGE);
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'jaeger'), '#!/bin/sh\necho "jaeger from the release archive: $*"\n', { mode: 0o755 });
  mkdirSync(join(served, `v${VERSION}`));
  await run('tar', ['-czf', join(served, `v${VERSION}`, ARCHIVE), '-C', join(served, 'staging'), PACKAGE]);
  archiveSha = createHash('sha256').update(readFileSync(join(served, `v${VERSION}`, ARCHIVE))).digest('hex');

  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    try {
      res.end(readFileSync(join(served, decodeURIComponent(req.url ?? '/'))));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => {
  server?.close();
  rmSync(served, { recursive: true, force: true });
});

beforeEach(() => {
  requests = [];
  root = mkdtempSync(join(tmpdir(), 'jaeger-release-repo-'));
  mkdirSync(join(root, 'scripts', 'setup'), { recursive: true });
  for (const file of ['install-jaeger.sh', 'fetch-jaeger-release.sh', 'build-go-module.sh', 'jaeger-release.sha256']) {
    copyFileSync(join(REPO, 'scripts', 'setup', file), join(root, 'scripts', 'setup', file));
  }
  copyFileSync(join(REPO, 'docker-compose.yml'), join(root, 'docker-compose.yml'));
  mkdirSync(join(root, '.tools', 'bin'), { recursive: true });
  writeFileSync(join(root, '.tools', 'bin', 'jaeger'), '#!/bin/sh\necho "jaeger built from the Go module"\n');
  chmodSync(join(root, '.tools', 'bin', 'jaeger'), 0o755);
  writeFileSync(join(root, '.tools', 'bin', 'jaeger.version'), `${MODULE}\n`);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function pin(line: string): void {
  writeFileSync(join(root, 'scripts', 'setup', 'jaeger-release.sha256'), `# the test's pin\n${line}\n`);
}

async function installJaeger(base = baseUrl): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('bash', [join(root, 'scripts', 'setup', 'install-jaeger.sh')], { env: { ...process.env, JAEGER_RELEASE_BASE_URL: base } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// What `npm run stack:up` would start for Jaeger from this scratch repo, with docker-compose.yml's
// arguments, and what that prints.
async function jaegerTheStackRuns(): Promise<string> {
  const jaeger = nativePlan(compose, root, join(root, '.tools', 'bin')).find((service) => service.name === 'jaeger');
  const [command, ...args] = jaeger?.command ?? [];
  return (await run(command as string, args)).stdout.trim();
}

const COMPOSE_ARGS = (compose.services.jaeger?.command ?? []).join(' ');

describe('install-jaeger.sh and the official release archive', () => {
  it('installs the archive whose sha256 matches the pinned line, and the native stack runs its binary', async () => {
    pin(`${archiveSha}  ${ARCHIVE}`);
    const install = await installJaeger();
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toContain(`installed Jaeger ${VERSION} from its release archive, UI included: ${join(root, '.tools', 'bin', 'jaeger')}`);
    expect(requests).toEqual([`/v${VERSION}/${ARCHIVE}`]);
    expect(readFileSync(join(root, '.tools', 'bin', 'jaeger.version'), 'utf8')).toBe(`${ARCHIVE} sha256:${archiveSha}\n`);
    expect(await jaegerTheStackRuns()).toBe(`jaeger from the release archive: ${COMPOSE_ARGS}`);

    const again = await installJaeger();
    expect(again.stdout).toContain(`Jaeger ${VERSION} already installed from its release archive`);
    expect(requests).toHaveLength(1);
  });

  it('reads the pin in the form of Jaeger\'s own checksum file, `<sum> *<archive>`', async () => {
    pin(`${archiveSha} *${ARCHIVE}`);
    expect((await installJaeger()).stdout).toContain('from its release archive, UI included');
  });

  it('refuses an archive that does not match its pin, and falls back to the Go build', async () => {
    const wrong = 'a'.repeat(64);
    pin(`${wrong}  ${ARCHIVE}`);
    const install = await installJaeger();
    expect(install.code).toBe(0);
    expect(install.stderr.split('\n')).toEqual([
      `install-jaeger: the release archive is refused: ${ARCHIVE} from ${baseUrl}/v${VERSION}/${ARCHIVE} does not match its pinned checksum (sha256 ${archiveSha}, pinned ${wrong})`,
      FALLBACK,
      '',
    ]);
    expect(install.stdout).toContain(`jaeger ${MODULE} already built`);
    expect(await jaegerTheStackRuns()).toBe('jaeger built from the Go module');
  });

  it('falls back to the Go build when the file server is down', async () => {
    pin(`${archiveSha}  ${ARCHIVE}`);
    const down = `http://127.0.0.1:${await freePort()}`;
    const install = await installJaeger(down);
    expect(install.code).toBe(0);
    const [refused, fallback, end] = install.stderr.split('\n');
    expect(refused).toMatch(/^install-jaeger: the release archive is refused: could not download .+: curl: \(7\) Failed to connect/);
    expect(refused).toContain(`could not download ${down}/v${VERSION}/${ARCHIVE}: `);
    expect([fallback, end]).toEqual([FALLBACK, '']);
    expect(await jaegerTheStackRuns()).toBe('jaeger built from the Go module');
  });

  it('downloads nothing while no checksum is pinned for the archive, and says so', async () => {
    pin(`${'b'.repeat(64)}  jaeger-${VERSION}-linux-s390x.tar.gz`);
    const install = await installJaeger();
    expect(install.stderr.split('\n')).toEqual([
      `install-jaeger: the release archive is refused: no checksum is pinned for ${ARCHIVE} in scripts/setup/jaeger-release.sha256 (not yet pinned: see that file); nothing was downloaded`,
      FALLBACK,
      '',
    ]);
    expect(requests).toEqual([]);
  });
});
