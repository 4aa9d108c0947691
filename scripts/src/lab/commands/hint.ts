import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabContext } from '../lab-context.js';
import { HINT_LEVELS, pointsFor, POINTS_PER_HINT, progressOf } from '../lab-state.js';

// `lab hint`: the next of the exercise's three hints, from its hints.md (one `## ` section a level).
// Each costs points, and is counted.
export function hint(lab: LabContext): number {
  const exercise = lab.active();
  const levels = readFileSync(join(exercise.dir, 'hints.md'), 'utf8')
    .split(/^## /m)
    .slice(1)
    .map((section) => `## ${section.trim()}`);
  const progress = progressOf(lab.state, exercise.number);
  if (progress.hintsShown >= HINT_LEVELS) {
    lab.output.out(`All ${HINT_LEVELS} hints are shown:\n\n${levels.join('\n\n')}\n\nThe reference solution: npm run lab -- solution`);
    return 0;
  }
  progress.hintsShown += 1;
  lab.save();
  lab.output.out(levels[progress.hintsShown - 1] ?? '(no hint at this level)');
  lab.output.out(`\nHint ${progress.hintsShown}/${HINT_LEVELS} (−${POINTS_PER_HINT} points): the exercise is worth ${pointsFor(progress)} now.`);
  return 0;
}
