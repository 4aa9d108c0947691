import type { LabContext } from '../lab-context.js';
import { pointsFor, POINTS_PER_EXERCISE } from '../lab-state.js';

// `lab list` and `lab status`: the track, what is done, what is under way, the points so far.
export function list(lab: LabContext): number {
  const exercises = lab.exercises();
  let earned = 0;
  lab.output.out('  #  exercise                                                   status');
  for (const exercise of exercises) {
    const progress = lab.state.progress[exercise.number];
    const active = lab.state.active?.number === exercise.number;
    let status = '-';
    if (progress?.doneAt) {
      earned += progress.points ?? 0;
      status = `done, ${progress.points ?? 0}/${POINTS_PER_EXERCISE} points${progress.revealed ? ' (solution revealed)' : ''}`;
    }
    if (active) status = `under way${progress?.hintsShown ? `, ${progress.hintsShown} hint(s) used` : ''}${progress?.revealed ? ', solution revealed' : ''}`;
    lab.output.out(`${String(exercise.number).padStart(3)}  ${exercise.title.padEnd(58)} ${status}`);
  }
  lab.output.out(`\nPoints: ${earned}/${exercises.length * POINTS_PER_EXERCISE}.`);
  const active = lab.state.active;
  if (active) {
    const progress = lab.state.progress[active.number];
    lab.output.out(`Under way: exercise ${active.number}, worth ${pointsFor(progress ?? { hintsShown: 0, revealed: false })} points now. npm run lab -- check grades it.`);
  } else {
    lab.output.out('Start one with npm run lab -- start <n>; its README is in exercises/.');
  }
  return 0;
}
