import type { LabContext } from '../lab-context.js';
import { archiveAttempt, putVersion, restoreReference } from '../exercise-files.js';

// `lab reset`: back to the start files. `lab stop`: back to the reference mesh, the exercise ended.
// Either way the learner's files are archived first, so nothing they wrote is lost.

export async function reset(lab: LabContext): Promise<number> {
  const exercise = lab.active();
  const archived = archiveAttempt(exercise, lab.repoRoot, lab.paths, 'reset');
  if (archived) lab.output.err(`lab: your attempt is archived in ${archived}`);
  putVersion(exercise, 'start', lab.repoRoot, lab.paths);
  await lab.applyChanges(exercise);
  lab.output.out(`Exercise ${exercise.number} is back at its start files.`);
  return 0;
}

export async function stop(lab: LabContext): Promise<number> {
  const exercise = lab.active();
  const archived = archiveAttempt(exercise, lab.repoRoot, lab.paths, 'stop');
  if (archived) lab.output.err(`lab: your attempt is archived in ${archived}`);
  restoreReference(exercise, lab.repoRoot, lab.paths);
  await lab.applyChanges(exercise, { ending: true });
  delete lab.state.active;
  lab.save();
  lab.output.out(`Exercise ${exercise.number} stopped: the mesh runs its reference files again.`);
  return 0;
}
