import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IncidentResult, RunningIncident } from './incidents/incident-state.js';

// What the lab remembers between commands, in .lab/state.json (git-ignored): the exercise under way,
// what each exercise earned, the incident under way and how the finished ones went. Everything a
// learner wrote is archived beside it, in .lab/attempts/.

export const POINTS_PER_EXERCISE = 10;
export const POINTS_PER_HINT = 2;
export const HINT_LEVELS = 3;

export interface ActiveExercise {
  number: number;
  startedAt: string;
  // sha256 of each exercise file as last built and running; a file that differs is rebuilt first.
  built: Record<string, string>;
}

export interface ExerciseProgress {
  hintsShown: number;
  revealed: boolean;
  // Set once a check passed every task of the exercise.
  doneAt?: string;
  points?: number;
  // How long from the first start to the first pass.
  secondsToSolve?: number;
  firstStartedAt?: string;
}

export interface LabState {
  active?: ActiveExercise;
  progress: Record<string, ExerciseProgress>;
  // The incident under way (npm run lab -- incident), and how the finished ones went.
  incident?: RunningIncident;
  incidents?: IncidentResult[];
}

export interface LabPaths {
  root: string;
  stateFile: string;
  reference: string;
  attempts: string;
  lastGoodBuild: string;
}

export function labPaths(repoRoot: string): LabPaths {
  const root = join(repoRoot, '.lab');
  return {
    root,
    stateFile: join(root, 'state.json'),
    reference: join(root, 'reference'),
    attempts: join(root, 'attempts'),
    lastGoodBuild: join(root, 'last-good-build'),
  };
}

export function readState(paths: LabPaths): LabState {
  if (!existsSync(paths.stateFile)) return { progress: {} };
  return JSON.parse(readFileSync(paths.stateFile, 'utf8')) as LabState;
}

export function writeState(paths: LabPaths, state: LabState): void {
  mkdirSync(dirname(paths.stateFile), { recursive: true });
  writeFileSync(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

export function progressOf(state: LabState, number: number): ExerciseProgress {
  state.progress[number] ??= { hintsShown: 0, revealed: false };
  return state.progress[number];
}

// Full points for a solution found alone; each hint costs some, a revealed solution earns none.
export function pointsFor(progress: ExerciseProgress): number {
  return progress.revealed ? 0 : Math.max(0, POINTS_PER_EXERCISE - POINTS_PER_HINT * progress.hintsShown);
}
