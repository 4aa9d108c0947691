import { type Exercise, findExercise, loadExercises } from '@tracing-lab/checker/exercises';
import { runCli as runChecker } from '@tracing-lab/checker/run-cli';
import { loadStack, REPO_ROOT, type Stack } from '../stack.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, compiledServices, restart, servicesRunning } from './apply-changes.js';
import { assertRebuilt, REBUILD_NOTE, servicesBuiltFrom, underCompose } from './compose-mesh.js';
import { exerciseFiles, fileHashes, LabError } from './exercise-files.js';
import { type LabPaths, labPaths, type LabState, progressOf, pointsFor, readState, writeState } from './lab-state.js';

// What every lab command works with: the repo, the lab's state, the stack, and the checker.

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export class LabContext {
  readonly paths: LabPaths;
  readonly state: LabState;
  private stackMemo: Stack | undefined;

  constructor(
    readonly output: Output,
    readonly repoRoot = REPO_ROOT,
  ) {
    this.paths = labPaths(repoRoot);
    this.state = readState(this.paths);
  }

  // The stack as the mesh runs now: with the Compose variables of the exercise under way, if any.
  get stack(): Stack {
    this.stackMemo ??= this.stackFor(this.state.active ? this.exercise(this.state.active.number) : undefined);
    return this.stackMemo;
  }

  private stackFor(exercise: Exercise | undefined): Stack {
    return loadStack(this.repoRoot, { ...process.env, ...exercise?.composeVariables });
  }

  exercises(): Exercise[] {
    return loadExercises();
  }

  exercise(number: number): Exercise {
    return findExercise(number);
  }

  active(): Exercise {
    const active = this.state.active;
    if (!active) throw new LabError('no exercise is under way: start one with npm run lab -- start <n> (npm run lab -- list shows them)');
    return this.exercise(active.number);
  }

  save(): void {
    writeState(this.paths, this.state);
  }

  // Compiles and restarts what the exercise's files belong to, when they changed since the last build.
  // `ending`: the exercise is being stopped, so the services go back to the mesh's own settings too.
  async applyChanges(exercise: Exercise, { force = false, ending = false } = {}): Promise<void> {
    const hashes = fileHashes(exercise, this.repoRoot);
    const built = this.state.active?.built ?? {};
    const settingsChange = ending && Object.keys(exercise.composeVariables).length > 0;
    if (!force && !settingsChange && exerciseFiles(exercise).every((file) => built[file] === hashes[file])) return;
    const log = (line: string) => this.output.err(`lab: ${line}`);
    if (underCompose()) {
      log(REBUILD_NOTE);
      this.recordBuilt(hashes);
      return;
    }
    const stack = ending ? this.stackFor(undefined) : this.stack;
    const services = servicesRunning(exerciseFiles(exercise), stack, this.repoRoot);
    const compiled = compiledServices(services, stack);
    if (compiled.length) build(this.repoRoot, compiled, this.paths, log);
    // What is built runs from now on, even if it crashes at start: a reset or a fix then differs
    // from it, so the next command builds and restarts again.
    this.recordBuilt(hashes);
    await restart(stack, services, log);
  }

  private recordBuilt(hashes: Record<string, string>): void {
    if (this.state.active) this.state.active.built = hashes;
    this.save();
  }

  // Grades the active exercise with the checker; records the first pass and its points.
  async grade(exercise: Exercise, extraArgs: string[] = []): Promise<number> {
    if (underCompose()) {
      const files = exerciseFiles(exercise);
      await assertRebuilt(files, servicesBuiltFrom(files, readdirSync(join(this.repoRoot, 'services'))), this.repoRoot);
    }
    const code = await runChecker(['--exercise', String(exercise.number), ...extraArgs], this.output);
    const progress = progressOf(this.state, exercise.number);
    if (code === 0 && !progress.doneAt) {
      progress.doneAt = new Date().toISOString();
      progress.points = pointsFor(progress);
      if (progress.firstStartedAt) progress.secondsToSolve = Math.round((Date.parse(progress.doneAt) - Date.parse(progress.firstStartedAt)) / 1000);
      this.output.err(`\nlab: exercise ${exercise.number} solved: ${progress.points} points. npm run lab -- stop goes back to the reference mesh.`);
      this.save();
    }
    return code;
  }
}
