import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replayDockerfile } from '../src/dockerfile-replay.js';
import { freePort } from '../src/free-port.js';
import { checkServiceBoots } from '../src/service-boot-check.js';

// The replay on a small two-stage fixture: no network, a second or two. The real Dockerfile is
// replayed for each service by test/build/dockerfile-replay.test.ts.

const server = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  res.statusCode = req.url === '/health' ? 503 : 404;
  res.end();
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

const dockerfile = `
ARG GREETING=hello
FROM node:24-slim AS build
WORKDIR /src
COPY lib lib
ARG GREETING
ARG TARGET
RUN mkdir out && printf '%s %s' "$GREETING" "$TARGET" > out/greeting.txt
FROM node:24-slim AS runtime
ARG TARGET
ENV NODE_ENV=production TARGET=\${TARGET}
WORKDIR /app
COPY --from=build /src/out/greeting.txt /src/lib/ ./
COPY server.js ./
USER node
EXPOSE 8080
CMD ["node", "server.js"]
`;

const context = {
  Dockerfile: dockerfile,
  '.dockerignore': '**/secret.txt\nlib/cache\n',
  'server.js': server,
  'lib/index.js': 'module.exports = 1;\n',
  'lib/secret.txt': 'not for the image\n',
  'lib/cache/entry': 'not for the image either\n',
};

const scratch: string[] = [];

afterEach(() => {
  for (const folder of scratch.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(folder);
  return folder;
}

function writeContext(files: Record<string, string>): string {
  const folder = tempFolder('replay-context-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

async function replay(files: Record<string, string>, buildArgs: Record<string, string> = { TARGET: 'fixture' }) {
  return replayDockerfile({ contextDir: writeContext(files), buildArgs, outDir: tempFolder('replay-out-') });
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'nothing thrown',
    (error: Error) => error.message,
  );
}

describe('replayDockerfile', () => {
  it('leaves in the final stage only what was copied into it, without the .dockerignore files', async () => {
    const image = await replay(context);
    expect(filesUnder(image.root)).toEqual(['app/greeting.txt', 'app/index.js', 'app/server.js']);
  });

  it('gives RUN the stage ARGs, with build args over defaults and the global default redeclared', async () => {
    const image = await replay(context);
    expect(readFileSync(join(image.workdir, 'greeting.txt'), 'utf8')).toBe('hello fixture');
    const overridden = await replay(context, { TARGET: 'fixture', GREETING: 'hi' });
    expect(readFileSync(join(overridden.workdir, 'greeting.txt'), 'utf8')).toBe('hi fixture');
  });

  it("returns the final stage's ENV, WORKDIR and CMD, without its ARGs", async () => {
    const image = await replay(context);
    expect({ env: image.env, workdir: image.workdir.slice(image.root.length), cmd: image.cmd }).toEqual({
      env: { NODE_ENV: 'production', TARGET: 'fixture' },
      workdir: '/app',
      cmd: { form: 'exec', argv: ['node', 'server.js'] },
    });
  });

  it('reports a failing RUN with its line, stage, exit code and output', async () => {
    const failing = { ...context, Dockerfile: 'FROM scratch\nRUN echo boom >&2; exit 3\n' };
    expect(await rejection(replay(failing))).toBe("Dockerfile line 2: in stage '0', RUN exited with 3: /bin/sh -c echo boom >&2; exit 3\nboom");
  });

  it.each([
    ['COPY lib/secret.txt ./', 'Dockerfile line 2: COPY lib/secret.txt: is excluded by .dockerignore'],
    ['COPY missing.js ./', 'Dockerfile line 2: COPY missing.js: not found in the build context'],
    ['COPY ../outside ./', 'Dockerfile line 2: COPY ../outside: is outside the build context'],
    ['COPY --from=nginx:1 /etc/nginx ./', 'Dockerfile line 2: COPY --from=nginx:1: no earlier stage has that name (images are not replayed)'],
    ['COPY server.js lib/index.js app', "Dockerfile line 2: COPY with several sources needs a destination ending in '/', got 'app'"],
    ['COPY *.js ./', 'Dockerfile line 2: COPY wildcards are not supported by the replay: *.js'],
  ])('refuses `%s` with "%s"', async (instruction, message) => {
    expect(await rejection(replay({ ...context, Dockerfile: `FROM scratch\n${instruction}\n` }))).toBe(message);
  });
});

describe('checkServiceBoots', () => {
  it('starts the CMD from the final WORKDIR, sees GET /health answer 503 and the process exit 0 on SIGTERM', async () => {
    const image = await replay(context);
    const port = await freePort();
    const result = await checkServiceBoots({
      cwd: image.workdir,
      command: image.cmd ?? { form: 'shell', script: 'false' },
      env: { PATH: process.env.PATH ?? '', ...image.env, PORT: String(port) },
      port,
    });
    expect({ healthStatus: result.healthStatus, exitCode: result.exitCode, signal: result.signal }).toEqual({
      healthStatus: 503,
      exitCode: 0,
      signal: null,
    });
  });

  it('fails when the image lacks a file the service loads, with the error the service printed', async () => {
    const needsLib = { ...context, 'server.js': `require('./lib/index.js');\n${server}` };
    const image = await replay(needsLib);
    const port = await freePort();
    const started = checkServiceBoots({
      cwd: image.workdir,
      command: image.cmd ?? { form: 'shell', script: 'false' },
      env: { PATH: process.env.PATH ?? '', PORT: String(port) },
      port,
    });
    const message = await rejection(started);
    expect(message).toMatch(/^'node server\.js' exited with code 1 before answering http:\/\/127\.0\.0\.1:\d+\/health:\n/);
    expect(message).toContain("Error: Cannot find module './lib/index.js'");
  });

  it('fails when the service is still running 1 s after SIGTERM', async () => {
    const stubborn = { ...context, 'server.js': server.replace("process.on('SIGTERM', () => server.close(() => process.exit(0)));", "process.on('SIGTERM', () => {});") };
    const image = await replay(stubborn);
    const port = await freePort();
    const started = checkServiceBoots({
      cwd: image.workdir,
      command: image.cmd ?? { form: 'shell', script: 'false' },
      env: { PATH: process.env.PATH ?? '', PORT: String(port) },
      port,
      stopTimeoutMs: 1_000,
    });
    expect(await rejection(started)).toBe("'node server.js' was still running 1s after SIGTERM:\n");
  });
});
