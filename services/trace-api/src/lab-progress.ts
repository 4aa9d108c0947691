import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { DomainError } from '@tracing-lab/contracts';

// The learner's progress for the explorer (GET /lab/progress), read from the file `npm run lab`
// writes (.lab/state.json, its format in scripts/src/lab/lab-state.ts) and the track's titles.
// Only what a learner may see is passed on: a running incident's id, seed and applied faults name
// the hidden fault, so they never leave this file.

export interface TrackExercise {
  number: number;
  title: string;
}

export type ExerciseStatus = 'done' | 'under-way' | 'stopped' | 'not-started';

export interface ExerciseProgressView {
  number: number;
  title: string;
  status: ExerciseStatus;
  // What the first passing check earned; null until then.
  points: number | null;
  hintsShown: number;
  solutionRevealed: boolean;
  secondsToSolve: number | null;
}

export interface LabProgress {
  stateFile: string;
  // False until the learner has started an exercise or an incident: the view's empty state.
  started: boolean;
  exercises: ExerciseProgressView[];
  active: { number: number; title: string; startedAt: string } | null;
  points: number;
  incident: { level: number; startedAt: string; hintsShown: number; answers: number; revealed: boolean } | null;
  incidents: { level: number; startedAt: string; stoppedAt: string; points: number; hintsShown: number; attempts: number; revealed: boolean; secondsToDiagnose: number | null }[];
}

// The parts of the lab's state shown here; unknown keys are dropped, so the lab may add its own.
const count = z.number().int().min(0);
const labState = z.object({
  active: z.object({ number: count, startedAt: z.string() }).optional(),
  progress: z
    .record(
      z.string().regex(/^\d+$/),
      z.object({
        hintsShown: count.default(0),
        revealed: z.boolean().default(false),
        doneAt: z.string().optional(),
        points: z.number().optional(),
        secondsToSolve: z.number().optional(),
        firstStartedAt: z.string().optional(),
      }),
    )
    .default({}),
  incident: z.object({ level: count, startedAt: z.string(), hintsShown: count, answers: z.array(z.unknown()), revealed: z.boolean() }).optional(),
  incidents: z
    .array(
      z.object({
        level: count,
        startedAt: z.string(),
        stoppedAt: z.string(),
        points: z.number(),
        hintsShown: count,
        attempts: count,
        revealed: z.boolean(),
        secondsToDiagnose: z.number().optional(),
      }),
    )
    .default([]),
});
type LabState = z.infer<typeof labState>;

export function readLabProgress(stateFile: string, track: TrackExercise[]): LabProgress {
  const state = readState(stateFile);
  const numbers = [...new Set([...track.map((exercise) => exercise.number), ...Object.keys(state.progress).map(Number)])].sort((a, b) => a - b);
  const titleOf = (number: number) => track.find((exercise) => exercise.number === number)?.title ?? `Exercise ${number}`;
  const exercises = numbers.map((number): ExerciseProgressView => {
    const progress = state.progress[number];
    return {
      number,
      title: titleOf(number),
      status: statusOf(state, number),
      points: progress?.doneAt ? (progress.points ?? 0) : null,
      hintsShown: progress?.hintsShown ?? 0,
      solutionRevealed: progress?.revealed ?? false,
      secondsToSolve: progress?.secondsToSolve ?? null,
    };
  });
  const { incident } = state;
  return {
    stateFile,
    started: Boolean(state.active || Object.keys(state.progress).length || incident || state.incidents.length),
    exercises,
    active: state.active ? { number: state.active.number, title: titleOf(state.active.number), startedAt: state.active.startedAt } : null,
    points: exercises.reduce((sum, exercise) => sum + (exercise.points ?? 0), 0),
    incident: incident ? { level: incident.level, startedAt: incident.startedAt, hintsShown: incident.hintsShown, answers: incident.answers.length, revealed: incident.revealed } : null,
    incidents: state.incidents.map(({ secondsToDiagnose, ...result }) => ({ ...result, secondsToDiagnose: secondsToDiagnose ?? null })),
  };
}

function statusOf(state: LabState, number: number): ExerciseStatus {
  if (state.active?.number === number) return 'under-way';
  const progress = state.progress[number];
  if (progress?.doneAt) return 'done';
  return progress ? 'stopped' : 'not-started';
}

// A missing file is a learner who has not started; a file that cannot be read is the lab's to fix.
function readState(stateFile: string): LabState {
  if (!existsSync(stateFile)) return labState.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch (error) {
    throw unreadable(stateFile, error instanceof Error ? error.message : String(error));
  }
  const parsed = labState.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw unreadable(stateFile, `'${issue?.path.join('.') || 'state'}' ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

function unreadable(stateFile: string, why: string): DomainError {
  return new DomainError('unavailable', `the lab's state file ${stateFile} cannot be read: ${why}`);
}
