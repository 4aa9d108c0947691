import { CHECK_ONCE_REBUILT, underCompose } from '../compose-mesh.js';
import type { LabContext } from '../lab-context.js';
import { archiveAttempt, putVersion, versionPath } from '../exercise-files.js';
import { progressOf } from '../lab-state.js';
import { unifiedDiff } from './diff.js';

// `lab solution [--apply]`: the reference solution as a diff from the start files. --apply puts it
// in place (the learner's attempt archived first), marks the exercise revealed and grades it.
export async function solution(lab: LabContext, apply: boolean): Promise<number> {
  const exercise = lab.active();
  lab.output.out(unifiedDiff(exercise, 'start', (file) => versionPath(exercise, 'solution', file, lab.paths), 'solution', lab.paths));
  if (!apply) {
    lab.output.out('\nnpm run lab -- solution --apply puts it in place (your attempt is archived first; the exercise then earns no points).');
    return 0;
  }
  const archived = archiveAttempt(exercise, lab.repoRoot, lab.paths, 'before-solution');
  if (archived) lab.output.err(`lab: your attempt is archived in ${archived}`);
  putVersion(exercise, 'solution', lab.repoRoot, lab.paths);
  progressOf(lab.state, exercise.number).revealed = true;
  lab.save();
  await lab.applyChanges(exercise);
  if (underCompose()) {
    lab.output.out(CHECK_ONCE_REBUILT);
    return 0;
  }
  return lab.grade(exercise);
}
