import { relative } from 'node:path';
import type { LabContext } from '../lab-context.js';
import { CHECK_ONCE_REBUILT, underCompose } from '../compose-mesh.js';
import { LabError, putVersion, saveReference, staleFiles } from '../exercise-files.js';
import { progressOf } from '../lab-state.js';

// `lab start <n>`: the exercise's start files in place of the mesh's own (kept aside for `stop`),
// the services that run them rebuilt and restarted, and a first check to show where it starts from.
export async function start(lab: LabContext, number: number): Promise<number> {
  const exercise = lab.exercise(number);
  const active = lab.state.active;
  if (active) {
    throw new LabError(
      active.number === number
        ? `exercise ${number} is already under way: npm run lab -- check grades it, npm run lab -- reset starts it over`
        : `exercise ${active.number} is under way: finish it with npm run lab -- stop before starting exercise ${number}`,
    );
  }
  if (lab.state.incident) throw new LabError('an incident is under way: end it with npm run lab -- incident stop before an exercise');
  const stale = staleFiles(exercise, lab.repoRoot);
  if (stale.length) {
    throw new LabError(
      `exercise ${number} was written against another version of ${stale.join(', ')}: it needs updating before it can be started ` +
        `(or your working copy has changes of its own there)`,
    );
  }
  saveReference(exercise, lab.repoRoot, lab.paths);
  putVersion(exercise, 'start', lab.repoRoot, lab.paths);
  const now = new Date().toISOString();
  lab.state.active = { number, startedAt: now, built: {} };
  progressOf(lab.state, number).firstStartedAt ??= now;
  lab.save();
  lab.output.out(`Exercise ${number}: ${exercise.title}`);
  lab.output.out(`Read ${relative(lab.repoRoot, exercise.dir)}/README.md. Your files: ${Object.keys(exercise.files).join(', ')}`);
  await lab.applyChanges(exercise, { force: true });
  if (underCompose()) {
    lab.output.out(`\n${CHECK_ONCE_REBUILT}`);
    return 0;
  }
  lab.output.out('\nWhere you start from:');
  await lab.grade(exercise);
  return 0;
}
