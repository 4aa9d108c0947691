import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerClientEnv, enginePaths } from '@tracing-lab/scripts/engine/paths';
import { REPO_ROOT } from './support/lab.js';

// `npm run check` as a learner runs it after `docker compose up --build`: its defaults are the
// ports Compose publishes, and the services' logs come from the engine DOCKER_HOST names.

const CLI = join(REPO_ROOT, 'checker', 'dist', 'cli.js');

interface CheckResult {
  score: number;
  maxScore: number;
  tasks: { id: number; passed: boolean; checks: { ok: boolean; text: string }[] }[];
}

describe('npm run check against the Compose project', () => {
  it('scores 100/100 and exits 0', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, '--json'], { cwd: REPO_ROOT, timeout: 170_000, env: { ...process.env, ...dockerClientEnv(enginePaths()) } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
    if (!stdout.trim().startsWith('{')) throw new Error(`the checker printed no JSON (exit ${code}): ${stderr}`);
    const result = JSON.parse(stdout) as CheckResult;
    const failing = result.tasks.filter((t) => !t.passed).map((t) => ({ task: t.id, failing: t.checks.filter((c) => !c.ok).map((c) => c.text) }));

    expect(failing).toEqual([]);
    expect(`${result.score}/${result.maxScore}`).toBe('100/100');
    expect(code).toBe(0);
  });
});
