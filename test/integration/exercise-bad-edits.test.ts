import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStack, pidOf, REPO_ROOT } from '@tracing-lab/scripts/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNpmScript } from './support/node-cli.js';

// What the lab does with a learner's file that goes wrong, on the live mesh, with the learner's own
// commands: a file that does not compile leaves the last good build running; a service that crashes at
// start is reported with the end of its log and how to get back; `stop` keeps the attempt and mends.

// Exercise 5 has one file, in the database service: the smallest rebuild an exercise makes.
const EXERCISE = '5';
const FILE = 'services/database/src/inventory.ts';
const DATABASE_HEALTH = 'http://127.0.0.1:8082/health';
const stack = loadStack();

const databaseStatus = async () => (await fetch(DATABASE_HEALTH).catch(() => undefined))?.status;
const gitStatus = () => execFileSync('git', ['status', '--porcelain', '--', FILE], { cwd: REPO_ROOT, encoding: 'utf8' });

// A run stopped halfway must not leave the next suite an exercise's mesh.
beforeAll(async () => {
  await runNpmScript('lab', ['stop']);
  const started = await runNpmScript('lab', ['start', EXERCISE]);
  expect(started.code, started.stderr).toBe(0);
});
afterAll(() => runNpmScript('lab', ['stop']));

describe("a learner's file that goes wrong", () => {
  it("does not compile: check shows the compiler's message, and the database keeps running its last good build", async () => {
    const pid = pidOf(stack, 'database');
    appendFileSync(join(REPO_ROOT, FILE), "\nexport const remaining: number = 'none';\n");
    const checked = await runNpmScript('lab', ['check']);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('lab: your change does not compile, so the services keep running the last good build');
    expect(checked.stderr).toMatch(/inventory\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(pidOf(stack, 'database')).toBe(pid);
    expect(await databaseStatus()).toBe(200);
  });

  it('crashes at start: check shows the end of its log and the way back, and reset brings the database back', async () => {
    const source = readFileSync(join(REPO_ROOT, FILE), 'utf8').replace("export const remaining: number = 'none';", '');
    writeFileSync(join(REPO_ROOT, FILE), `${source}\nthrow new Error('inventory is closed today');\n`);
    const checked = await runNpmScript('lab', ['check']);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(/database to be healthy .*: it exited; the end of its log:/);
    expect(checked.stderr).toContain('inventory is closed today');
    expect(checked.stderr).toContain('go back to the start files with npm run lab -- reset');
    expect(await databaseStatus()).toBeUndefined();

    const reset = await runNpmScript('lab', ['reset']);
    expect(reset.code, reset.stderr).toBe(0);
    const archived = /your attempt is archived in (\S+)/.exec(reset.stderr)?.[1];
    expect(readFileSync(join(archived ?? '', FILE), 'utf8')).toContain('inventory is closed today');
    expect(await databaseStatus()).toBe(200);
  });

  it('stop with edits: the edits archived, the reference file back, git status clean', async () => {
    appendFileSync(join(REPO_ROOT, FILE), '\n// my notes on exercise 5\n');
    const stopped = await runNpmScript('lab', ['stop']);
    expect(stopped.code, stopped.stderr).toBe(0);
    const archived = /your attempt is archived in (\S+)/.exec(stopped.stderr)?.[1];
    expect(readFileSync(join(archived ?? '', FILE), 'utf8')).toContain('// my notes on exercise 5');
    expect(gitStatus()).toBe('');
    expect(await databaseStatus()).toBe(200);
  });
});
