import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../src/exercises.js';
import { hints } from '../src/hints.js';
import { ALL_TASKS } from '../src/tasks/index.js';

// The exercise track cannot rot silently: each exercise is complete, names tasks and hint ids that
// exist, and was written against the repo's files as they are now. The integration suite proves each
// one on the live mesh (test/integration/exercises.test.ts).

const REPO = resolve(__dirname, '..', '..');
const exercises = loadExercises();
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

it('there are exercises, numbered in order', () => {
  expect(exercises.length).toBeGreaterThan(0);
  expect(exercises.map((e) => e.number)).toEqual([...exercises.map((e) => e.number)].sort((a, b) => a - b));
});

describe.each(exercises.map((e) => [`${String(e.number).padStart(2, '0')}-${e.slug}`, e] as const))('exercise %s', (name, exercise) => {
  it('was written against the reference files as they are now', () => {
    const changed = Object.entries(exercise.files)
      .filter(([file, hash]) => sha256(join(REPO, file)) !== hash)
      .map(([file]) => file);
    expect(changed, `exercise ${name}: its reference files changed since it was written; bring its start, solution and wrong files up to date, then its hashes in exercise.json`).toEqual([]);
  });

  it('has a README, three hints, a start version of every file, and only the solution and wrong files that differ', () => {
    expect(existsSync(join(exercise.dir, 'README.md'))).toBe(true);
    expect(readFileSync(join(exercise.dir, 'hints.md'), 'utf8').match(/^## /gm)).toHaveLength(3);
    const starts = Object.keys(exercise.files).map((file) => readFileSync(join(exercise.dir, 'start', file), 'utf8'));
    expect(starts.some((start) => start.includes(`TODO (exercise ${exercise.number})`)), `${name}: a start file states the goal in a TODO`).toBe(true);
    for (const file of Object.keys(exercise.files)) {
      expect(sha256(join(exercise.dir, 'start', file)), `${name}: start/${file} is the reference file`).not.toBe(exercise.files[file]);
      // A solution file is kept only where it differs from the repo's own.
      const solution = join(exercise.dir, 'solution', file);
      if (existsSync(solution)) expect(sha256(solution), `${name}: solution/${file} is the reference file: leave it out`).not.toBe(exercise.files[file]);
    }
    for (const wrong of exercise.wrongSolutions) {
      const own = Object.keys(exercise.files).filter((file) => existsSync(join(exercise.dir, 'wrong', wrong.name, file)));
      expect(own.length, `${name}: wrong/${wrong.name} holds at least one file`).toBeGreaterThan(0);
    }
  });

  it('is graded by tasks that exist, and expects hint ids the checker has', () => {
    const ids = Object.keys(hints);
    expect(exercise.tasks.every((id) => ALL_TASKS.some((t) => t.id === id))).toBe(true);
    // On the start files, every task of the exercise fails, so each has the hints it must give.
    expect(Object.keys(exercise.startHints).map(Number).sort((a, b) => a - b)).toEqual(exercise.tasks);
    for (const expected of [exercise.startHints, ...exercise.wrongSolutions.map((w) => w.hints)]) {
      expect(Object.keys(expected).map(Number).every((id) => exercise.tasks.includes(id))).toBe(true);
      for (const hintIds of Object.values(expected)) expect(hintIds.filter((id) => !ids.includes(id))).toEqual([]);
    }
    expect(exercise.wrongSolutions.length).toBeGreaterThan(0);
  });
});
