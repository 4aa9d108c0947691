import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HintId } from './hints.js';

// The exercise track, as data: each folder exercises/NN-slug/ holds an exercise.json (below), a
// README.md, hints.md (three levels), and the versions of the files a learner edits, at their paths in
// the repo: start/ (every file), solution/ and wrong/<name>/ (only where they differ, see versionFile).
// The checker reads it for --exercise; the lab (npm run lab) puts the files in place.

export const EXERCISES_DIR = resolve(__dirname, '..', '..', 'exercises');

// The hint ids each failing task must give, by task id.
export type ExpectedHints = Record<string, HintId[]>;

export interface WrongSolution {
  // The folder under wrong/ that holds its files, laid out like start/.
  name: string;
  // The mistake, as a learner would make it.
  mistake: string;
  hints: ExpectedHints;
}

export interface Exercise {
  number: number;
  slug: string;
  dir: string;
  title: string;
  // The checker tasks that grade it.
  tasks: number[];
  // Each file a learner edits, with the sha256 of the reference file (the repo's own version) the
  // start file was written against: when the reference changes, the exercise must be looked at again.
  files: Record<string, string>;
  // Compose variables the mesh runs with while the exercise is under way, for a file that nothing
  // reads as the mesh ships: exercise 10 has Jaeger load its tail-sampling.yaml (docker-compose.yml).
  composeVariables: Record<string, string>;
  // What the checker says right after `start`, on the start files.
  startHints: ExpectedHints;
  wrongSolutions: WrongSolution[];
}

export class ExerciseError extends Error {
  override name = 'ExerciseError';
}

const FOLDER = /^(\d{2})-([a-z0-9-]+)$/;

export function loadExercises(dir = EXERCISES_DIR): Exercise[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => FOLDER.test(name))
    .sort()
    .map((name) => loadExercise(join(dir, name)));
}

export function findExercise(number: number, dir = EXERCISES_DIR): Exercise {
  const all = loadExercises(dir);
  const found = all.find((e) => e.number === number);
  if (!found) throw new ExerciseError(`there is no exercise ${number}; the exercises are ${all.map((e) => e.number).join(', ')} (npm run lab -- list)`);
  return found;
}

function loadExercise(dir: string): Exercise {
  const [, number, slug] = FOLDER.exec(dir.split('/').pop() ?? '') ?? [];
  const file = join(dir, 'exercise.json');
  let raw: Partial<Exercise>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Exercise>;
  } catch (error) {
    throw new ExerciseError(`${file} cannot be read: ${(error as Error).message}`);
  }
  for (const key of ['title', 'tasks', 'files', 'startHints'] as const) {
    if (raw[key] === undefined) throw new ExerciseError(`${file} lacks '${key}'`);
  }
  return {
    number: Number(number),
    slug: slug as string,
    dir,
    title: raw.title as string,
    tasks: raw.tasks as number[],
    files: raw.files as Record<string, string>,
    composeVariables: raw.composeVariables ?? {},
    startHints: raw.startHints as ExpectedHints,
    wrongSolutions: raw.wrongSolutions ?? [],
  };
}

export type Version = 'start' | 'solution' | { wrong: string };

// Where one version of an exercise file is. Only what differs is kept: a solution file that is the
// repo's own is not copied into solution/ (it is the reference, which the lab keeps in
// `referenceDir` while the exercise is under way), and a wrong solution holds only the files it gets
// wrong, the others being the solution's.
export function versionFile(exercise: Exercise, version: Version, file: string, referenceDir: string): string {
  if (version === 'start') return join(exercise.dir, 'start', file);
  if (typeof version === 'object') {
    const own = join(exercise.dir, 'wrong', version.wrong, file);
    if (existsSync(own)) return own;
  }
  const solution = join(exercise.dir, 'solution', file);
  return existsSync(solution) ? solution : join(referenceDir, file);
}
