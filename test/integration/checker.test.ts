import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@tracing-lab/scripts/free-port';
import { down, loadStack, REPO_ROOT, up } from '@tracing-lab/scripts/stack';

// The progress checker, run as a learner runs it (`npm run check`), against the running mesh: a full
// score when the mesh is healthy, and the right task failing with the right hint when it is broken
// the way a learner would break it.

const stack = loadStack();
const CLI = join(REPO_ROOT, 'checker', 'dist', 'cli.js');

interface CheckerRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface TaskJson {
  id: number;
  passed: boolean;
  earned: number;
  checks: { ok: boolean; text: string }[];
  hints: { id: string; text: string }[];
  data?: Record<string, unknown>;
}

function check(...args: string[]): Promise<CheckerRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, timeout: 110_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function checkJson(...args: string[]): Promise<{ code: number; result: { score: number; maxScore: number; tasks: TaskJson[] } }> {
  const run = await check('--json', ...args);
  if (!run.stdout.trim().startsWith('{')) throw new Error(`the checker printed no JSON (exit ${run.code}): ${run.stderr}`);
  return { code: run.code, result: JSON.parse(run.stdout) };
}

const failingChecks = (task: TaskJson | undefined): string[] => (task?.checks ?? []).filter((c) => !c.ok).map((c) => c.text);

describe('npm run check on the healthy mesh', () => {
  it('scores 100/100, exits 0, and writes the JUnit report', async () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'checker-')), 'checker.xml');
    const { code, result } = await checkJson('--junit', junit);
    const failing = result.tasks.filter((t) => !t.passed).map((t) => ({ task: t.id, failing: failingChecks(t), hints: t.hints }));
    expect(failing).toEqual([]);
    expect(result.score).toBe(100);
    expect(result.maxScore).toBe(100);
    expect(code).toBe(0);
    expect(result.tasks.find((t) => t.id === 5)?.data).toMatchObject({ join: 'child' });
    expect(result.tasks.find((t) => t.id === 8)?.data).toMatchObject({ sent: 50, complete: 50 });

    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="tracing-lab checker" tests="11" failures="0"');
    expect(xml.match(/<testcase /g)).toHaveLength(11);
  });

  it('prints each task with ✓ and the score', async () => {
    const { code, stdout } = await check('--task', '2');
    expect(code).toBe(0);
    expect(stdout).toContain('✓ Task 2: All services and their dependencies are running  5/5');
    expect(stdout).toContain('✓ RabbitMQ: up (reported by database and notifier)');
    expect(stdout).toContain('Score: 5/5 points (1 of 1 tasks pass)');
  });

  it('exits 2 with one line when Jaeger is unreachable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { code, stdout, stderr } = await check('--jaeger-url', closed);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`check: cannot run: Jaeger is unreachable at ${closed} (connection refused). Is the stack up? (npm run stack:up)\n`);
  });

  it('exits 2 with one line when the frontend is unreachable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { code, stderr } = await check('--frontend-url', closed);
    expect(code).toBe(2);
    expect(stderr).toBe(`check: cannot run: the frontend is unreachable at ${closed} (connection refused). Is the stack up? (npm run stack:up)\n`);
  });
});

describe('npm run check with the notifier stopped', () => {
  beforeAll(async () => {
    await down(stack, ['notifier']);
  });

  afterAll(async () => {
    await up(stack, ['notifier']);
  });

  it('fails task 5 with the hint that the notifier is not running', async () => {
    const { code, result } = await checkJson('--task', '5', '--timeout', '5');
    expect(code).toBe(1);
    const task5 = result.tasks[0];
    expect(task5).toMatchObject({ id: 5, passed: false, earned: 0 });
    expect(failingChecks(task5)).toEqual(['order trace: no notifier(consumer) span joined to database(producer) "publish orders"']);
    expect(task5?.hints).toEqual([
      {
        id: 'notifierNotRunning',
        text:
          'the notifier is not running: GET http://localhost:8083/health failed (connection refused), so nothing consumes order.created. ' +
          'Start it: npm run stack:up notifier (natively) or docker compose up -d notifier',
      },
    ]);
  });
});

describe('npm run check with OTEL_SDK_DISABLED=true on the backend', () => {
  beforeAll(async () => {
    await down(stack, ['backend']);
    await up(stack, ['backend'], { backend: { OTEL_SDK_DISABLED: 'true' } });
  });

  afterAll(async () => {
    await down(stack, ['backend']);
    await up(stack, ['backend']);
  });

  it('fails task 1 naming the backend, and only the backend', async () => {
    const { code, result } = await checkJson('--task', '1', '--timeout', '5');
    expect(code).toBe(1);
    const task1 = result.tasks[0];
    expect(failingChecks(task1)).toEqual(['backend: /health says tracing OFF as "backend", exporting to http://127.0.0.1:4318/v1/traces']);
    expect(task1?.hints).toEqual([
      {
        id: 'sdkDisabled',
        text: "tracing is switched off in the backend: OTEL_SDK_DISABLED=true is set. Remove it from the backend's environment (docker-compose.yml) and restart it",
      },
    ]);
  });
});
