import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadExercises } from '../src/exercises.js';

// The README's table of the track lists every exercise there is, with the tasks that grade it.
const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

it("the README's exercise table lists every exercise, linked, with the tasks that grade it", () => {
  const rows = [...README.matchAll(/^\| (\d+) \| \[[^\]]+\]\((exercises\/[^)]+)\/README\.md\) \|.*\| tasks? ([\d, ]+) \|$/gm)].map((m) => ({
    number: Number(m[1]),
    dir: m[2],
    tasks: (m[3] ?? '').split(',').map((t) => Number(t.trim())),
  }));
  expect(rows).toEqual(
    loadExercises().map((e) => ({ number: e.number, dir: `exercises/${String(e.number).padStart(2, '0')}-${e.slug}`, tasks: e.tasks })),
  );
});
