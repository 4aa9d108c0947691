import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Exercise } from '@tracing-lab/checker/exercises';
import type { LabContext } from '../lab-context.js';
import type { LabPaths } from '../lab-state.js';
import { type Version, versionPath } from '../exercise-files.js';

// `lab diff`: the learner's edits against the start files, as a unified diff.
export function diff(lab: LabContext): number {
  const exercise = lab.active();
  const text = unifiedDiff(exercise, 'start', (file) => join(lab.repoRoot, file), 'yours', lab.paths);
  lab.output.out(text || 'No edits yet: your files are the start files.');
  return 0;
}

// The diff from one version of the exercise's files to another, one file after the other.
export function unifiedDiff(exercise: Exercise, from: Version, to: (file: string) => string, toLabel: string, paths: LabPaths): string {
  return Object.keys(exercise.files)
    .map((file) => {
      const before = readFileSync(versionPath(exercise, from, file, paths), 'utf8');
      const after = readFileSync(to(file), 'utf8');
      return before === after ? '' : createTwoFilesPatch(`${file} (start)`, `${file} (${toLabel})`, before, after, undefined, undefined, { context: 3 });
    })
    .filter(Boolean)
    .join('\n');
}
