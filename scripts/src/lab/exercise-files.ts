import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Exercise, type Version, versionFile } from '@tracing-lab/checker/exercises';
import type { LabPaths } from './lab-state.js';

// The files of an exercise in their four versions: the repo's own (the reference mesh, kept in
// .lab/reference/ while an exercise is under way), the start file, the reference solution, and the
// learner's, which is the file at its place in the repo.

export type { Version };

export class LabError extends Error {
  override name = 'LabError';
}

export function sha256(file: string): string | undefined {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : undefined;
}

export function exerciseFiles(exercise: Exercise): string[] {
  return Object.keys(exercise.files);
}

export function versionPath(exercise: Exercise, version: Version, file: string, paths: LabPaths): string {
  return versionFile(exercise, version, file, paths.reference);
}

// The reference files the exercise's start files were written against, changed since: the
// exercise must be brought up to date before anyone can start it.
export function staleFiles(exercise: Exercise, repoRoot: string): string[] {
  return exerciseFiles(exercise).filter((file) => sha256(join(repoRoot, file)) !== exercise.files[file]);
}

export function putVersion(exercise: Exercise, version: Version, repoRoot: string, paths: LabPaths): void {
  for (const file of exerciseFiles(exercise)) copy(versionPath(exercise, version, file, paths), join(repoRoot, file));
}

export function saveReference(exercise: Exercise, repoRoot: string, paths: LabPaths): void {
  for (const file of exerciseFiles(exercise)) copy(join(repoRoot, file), join(paths.reference, file));
}

export function restoreReference(exercise: Exercise, repoRoot: string, paths: LabPaths): void {
  for (const file of exerciseFiles(exercise)) copy(join(paths.reference, file), join(repoRoot, file));
}

// The learner's files, as they are: copied under .lab/attempts/NN-slug/<time>-<why>/ before anything
// replaces them. Nothing is archived when they are still the start files. Returns the folder, if any.
export function archiveAttempt(exercise: Exercise, repoRoot: string, paths: LabPaths, why: string): string | undefined {
  const edited = exerciseFiles(exercise).filter((file) => sha256(join(repoRoot, file)) !== sha256(versionPath(exercise, 'start', file, paths)));
  if (!edited.length) return undefined;
  const folder = join(paths.attempts, `${String(exercise.number).padStart(2, '0')}-${exercise.slug}`, `${new Date().toISOString().replace(/[:.]/g, '-')}-${why}`);
  for (const file of exerciseFiles(exercise)) copy(join(repoRoot, file), join(folder, file));
  return folder;
}

export function fileHashes(exercise: Exercise, repoRoot: string): Record<string, string> {
  return Object.fromEntries(exerciseFiles(exercise).map((file) => [file, sha256(join(repoRoot, file)) ?? '']));
}

function copy(from: string, to: string): void {
  if (!existsSync(from)) throw new LabError(`${from} is missing`);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}
