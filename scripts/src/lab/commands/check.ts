import { watch } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LabContext } from '../lab-context.js';
import { BuildError } from '../apply-changes.js';
import { NotRebuiltError } from '../compose-mesh.js';

const REBUILD_POLL_MS = 3_000;

// `lab check [--watch] [checker flags]`: rebuilds what changed, then grades the exercise under way.
// With --watch, again after every save, until Ctrl-C.
export async function checkExercise(lab: LabContext, watching: boolean, checkerArgs: string[]): Promise<number> {
  const exercise = lab.active();
  // While watching, a save that does not compile waits for the next save; one that docker compose
  // watch has not rebuilt yet is tried again until it has.
  let waitingForRebuild = '';
  const once = async (): Promise<number> => {
    try {
      await lab.applyChanges(exercise);
      const code = await lab.grade(exercise, checkerArgs);
      waitingForRebuild = '';
      return code;
    } catch (error) {
      if (!(error instanceof BuildError || error instanceof NotRebuiltError) || !watching) throw error;
      if (error.message !== waitingForRebuild) lab.output.err(error.message);
      waitingForRebuild = error instanceof NotRebuiltError ? error.message : '';
      return 1;
    }
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
        if (!waitingForRebuild) lab.output.err(`\nlab: watching ${Object.keys(exercise.files).join(', ')}; save to check again, Ctrl-C to stop`);
      }
      changed ||= waitingForRebuild !== '';
      await sleep(waitingForRebuild ? REBUILD_POLL_MS : 300, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  } finally {
    watchers.forEach((w) => w.close());
  }
  return 130;
}
