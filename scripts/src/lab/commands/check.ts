import { watch } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LabContext } from '../lab-context.js';
import { BuildError } from '../apply-changes.js';

// `lab check [--watch] [checker flags]`: rebuilds what changed, then grades the exercise under way.
// With --watch, again after every save, until Ctrl-C.
export async function checkExercise(lab: LabContext, watching: boolean, checkerArgs: string[]): Promise<number> {
  const exercise = lab.active();
  const once = async (): Promise<number> => {
    try {
      await lab.applyChanges(exercise);
    } catch (error) {
      if (!(error instanceof BuildError) || !watching) throw error;
      lab.output.err(error.message);
      return 1;
    }
    return lab.grade(exercise, checkerArgs);
  };
  if (!watching) return once();

  let changed = true;
  const watchers = Object.keys(exercise.files).map((file) => watch(join(lab.repoRoot, file), () => (changed = true)));
  const stopping = new AbortController();
  process.once('SIGINT', () => stopping.abort());
  try {
    while (!stopping.signal.aborted) {
      if (changed) {
        changed = false;
        await once();
        lab.output.err(`\nlab: watching ${Object.keys(exercise.files).join(', ')}; save to check again, Ctrl-C to stop`);
      }
      await sleep(300, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  } finally {
    watchers.forEach((w) => w.close());
  }
  return 130;
}
