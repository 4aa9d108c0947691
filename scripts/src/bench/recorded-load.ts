import type autocannon from 'autocannon';
import type { LoadOptions } from '../load/options.js';
import { type Answer, runLoad } from '../load/run-load.js';

// A load run that keeps every answer's trace id and the moment it ended, which the completeness and
// time-to-queryable parts follow into Jaeger: `npm run load`'s own run (run-load.ts), which keeps
// only a sample of the trace ids for its summary, with every answer collected on the way.

export type { Answer };

export interface RecordedRun {
  answers: Answer[];
  durationSeconds: number;
  // Refused or reset connections and request timeouts, as autocannon counts them.
  errors: number;
  timeouts: number;
  interrupted: boolean;
}

export interface RecordedLoadHooks {
  onAnswer?: (answer: Answer) => void;
  onStart?: (instance: autocannon.Instance) => void;
  signal?: AbortSignal;
}

export async function runRecordedLoad(options: LoadOptions, { onAnswer, onStart, signal }: RecordedLoadHooks = {}): Promise<RecordedRun> {
  const answers: Answer[] = [];
  const run = await runLoad(options, {
    onStart,
    signal,
    onAnswer: (answer) => {
      answers.push(answer);
      onAnswer?.(answer);
    },
  });
  return { answers, durationSeconds: run.durationSeconds, errors: run.errors, timeouts: run.timeouts, interrupted: run.interrupted };
}
