import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '@tracing-lab/scripts/dockerfile-parse';
import { replayDockerfile } from '@tracing-lab/scripts/dockerfile-replay';
import { freePort } from '@tracing-lab/scripts/free-port';
import { checkServiceBoots } from '@tracing-lab/scripts/service-boot-check';

// No Docker engine here, so each service's image is replayed natively from the root Dockerfile and
// the service is started from the runtime stage's folder alone: a file or a production dependency the
// image lacks makes it fail to start. Each replay runs both `npm ci`s: 30 to 40 s for one service
// alone, about 90 s for the four side by side.

const repoRoot = resolve(__dirname, '../..');

// Nothing listens on the discard port on a dev machine or in CI, so every dependency refuses the
// connection at once and the service starts degraded, as it does in Compose before its dependencies.
const UNREACHABLE = '127.0.0.1:9';

// Each service's addresses from docker-compose.yml, pointed nowhere.
const services: Array<{ service: string; env: Record<string, string> }> = [
  { service: 'frontend', env: { BACKEND_URL: `http://${UNREACHABLE}` } },
  { service: 'backend', env: { DATABASE_SERVICE_URL: `http://${UNREACHABLE}`, AMQP_URL: `amqp://lab:lab@${UNREACHABLE}` } },
  { service: 'database', env: { PGHOST: '127.0.0.1', PGPORT: '9', PGUSER: 'lab', PGPASSWORD: 'lab', PGDATABASE: 'lab' } },
  { service: 'notifier', env: { DATABASE_SERVICE_URL: `http://${UNREACHABLE}`, AMQP_URL: `amqp://lab:lab@${UNREACHABLE}` } },
  { service: 'trace-api', env: { JAEGER_QUERY_URL: `http://${UNREACHABLE}` } },
];

// The replay runs the host's Node in place of the image's: it stands in only if it is the same release.
it("replays with the Node release the Dockerfile's images are built on", () => {
  const { globalArgs } = parseDockerfile(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));
  const imageNode = globalArgs.find((arg) => arg.name === 'NODE_VERSION')?.defaultRaw;
  const hostNode = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout.trim();
  expect(hostNode).toBe(`v${imageNode}`);
});

describe.concurrent('the image of each service, replayed from the Dockerfile', () => {
  it.each(services)('starts $service from its runtime stage, answers GET /health and exits 0 on SIGTERM', async ({ service, env }) => {
    const outDir = mkdtempSync(join(tmpdir(), `tracing-lab-image-${service}-`));
    try {
      // A node_modules above the replay folder would supply whatever the image forgot.
      expect(nodeModulesAbove(outDir)).toEqual([]);
      const image = await replayDockerfile({ contextDir: repoRoot, buildArgs: { SERVICE: service }, outDir });
      expect(image.env).toEqual({ NODE_ENV: 'production', SERVICE: service });
      if (!image.cmd) throw new Error('the Dockerfile has no CMD');

      const port = await freePort();
      const result = await checkServiceBoots({
        cwd: image.workdir,
        command: image.cmd,
        env: { PATH: process.env.PATH ?? '', ...image.env, OTEL_SDK_DISABLED: 'true', PORT: String(port), ...env },
        port,
      });

      expect([200, 503]).toContain(result.healthStatus);
      expect({ exitCode: result.exitCode, signal: result.signal }).toEqual({ exitCode: 0, signal: null });
    } finally {
      // Not rmSync: removing two node_modules would stall the other replays' output for seconds.
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

function nodeModulesAbove(folder: string): string[] {
  const found: string[] = [];
  for (let current = dirname(folder); ; current = dirname(current)) {
    if (existsSync(join(current, 'node_modules'))) found.push(join(current, 'node_modules'));
    if (dirname(current) === current) return found;
  }
}
