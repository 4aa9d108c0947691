import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExpectedHints, loadExercises, versionFile } from '@tracing-lab/checker/exercises';
import { labPaths } from '@tracing-lab/scripts/lab/lab-state';
import { TASKS } from '@tracing-lab/checker/tasks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@tracing-lab/scripts/stack';
import { runNpmScript } from './support/node-cli.js';

// Every exercise proven on the live mesh with the learner's own commands: after `start` the checker
// fails exactly the exercise's tasks with the expected hint ids, each plausible wrong solution gets
// its own hint, `solution --apply` passes every task, and `stop` leaves `git status` clean.

interface TaskJson {
  id: number;
  passed: boolean;
  checks: { ok: boolean; text: string }[];
  hints: { id: string; text: string }[];
}

// A smaller audit than the default 50 orders, and a shorter wait for traces that will never be
// whole (a start file breaks them on purpose): neither is what the exercises are about.
const CHECK_ARGS = ['--json', '--audit', '10', '--timeout', '15'];

async function checkTasks(script: 'check' | 'lab', args: string[]): Promise<TaskJson[]> {
  const run = await runNpmScript(script, args);
  if (!run.stdout.trim().startsWith('{')) throw new Error(`npm run ${script} -- ${args.join(' ')} printed no JSON (exit ${run.code}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { tasks: TaskJson[] }).tasks;
}

// Per task: passed, or the hint ids it gave; compared with what the exercise expects.
function verdicts(tasks: TaskJson[]): Record<string, string[] | 'passed'> {
  return Object.fromEntries(tasks.map((t) => [String(t.id), t.passed ? 'passed' : [...new Set(t.hints.map((h) => h.id))].sort()]));
}

// A task the hints do not name must pass: after `start`, every task but the exercise's own.
function expected(hints: ExpectedHints, taskIds: number[]): Record<string, string[] | 'passed'> {
  return Object.fromEntries(taskIds.map((id) => [String(id), hints[id] ? [...hints[id]].sort() : 'passed']));
}

function gitStatus(files: string[]): string {
  return execFileSync('git', ['status', '--porcelain', '--', ...files], { cwd: REPO_ROOT, encoding: 'utf8' });
}

const exercises = loadExercises();

// A run stopped halfway must not leave the next one, or the next suite, an exercise's mesh.
beforeAll(() => runNpmScript('lab', ['stop']));
afterAll(() => runNpmScript('lab', ['stop']));

describe.each(exercises.map((e) => [e.number, e.title, e] as const))('exercise %i: %s', (_number, _title, exercise) => {
  const files = Object.keys(exercise.files);
  // An exercise graded by a task that `npm run check` leaves out changes the mesh under the other
  // tasks (exercise 10's Jaeger drops most ordinary traces, which they follow): it is proven by its
  // own tasks alone.
  const ownTasksOnly = exercise.tasks.some((id) => !TASKS.some((t) => t.id === id));
  const checkArgs = ownTasksOnly ? [...CHECK_ARGS, '--exercise', String(exercise.number)] : CHECK_ARGS;

  it('starts failing exactly its own tasks, with the expected hints', async () => {
    const started = await runNpmScript('lab', ['start', String(exercise.number)]);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain(`Exercise ${exercise.number}: ${exercise.title}`);
    const tasks = await checkTasks('check', checkArgs);
    expect(verdicts(tasks)).toEqual(expected(exercise.startHints, tasks.map((t) => t.id)));
  });

  it.each(exercise.wrongSolutions.map((w) => [w.mistake, w] as const))('gives the specific hint to a wrong solution: %s', async (_mistake, wrong) => {
    // As a learner would save them: the wrong files, the others as the solution has them.
    for (const file of files) copyFileSync(versionFile(exercise, { wrong: wrong.name }, file, labPaths(REPO_ROOT).reference), join(REPO_ROOT, file));
    const tasks = await checkTasks('lab', ['check', '--json', '--timeout', '15']);
    expect(verdicts(tasks)).toEqual(expected(wrong.hints, exercise.tasks));
  });

  it('passes every task after solution --apply', async () => {
    const applied = await runNpmScript('lab', ['solution', '--apply']);
    expect(applied.code, applied.stderr).toBe(0);
    const tasks = await checkTasks('check', checkArgs);
    expect(tasks.filter((t) => !t.passed).map((t) => ({ id: t.id, failing: t.checks.filter((c) => !c.ok).map((c) => c.text) }))).toEqual([]);
  });

  it('leaves git status clean after stop', async () => {
    const stopped = await runNpmScript('lab', ['stop']);
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(gitStatus(files)).toBe('');
  });
});
