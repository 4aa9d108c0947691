import type autocannon from 'autocannon';

// The live line on stderr while a run goes: how far along, the rate of the last second, and the
// errors so far, so a learner sees a fault bite while it happens.

export type Goal = { durationSeconds: number } | { requests: number };

export interface ProgressState {
  elapsedSeconds: number;
  answered: number;
  answeredLastSecond: number;
  // Answers with a 4xx or 5xx status; failed connection attempts and timeouts.
  httpErrors: number;
  connectionErrors: number;
}

const BAR_WIDTH = 20;
// Without a terminal (a CI log, a pipe) a line every few seconds is enough and does not flood it.
const LOG_EVERY_SECONDS = 5;

export function progressLine(goal: Goal, state: ProgressState): string {
  const [done, total, unit] =
    'requests' in goal ? [state.answered, goal.requests, ''] : [state.elapsedSeconds, goal.durationSeconds, ' s'];
  const filled = Math.min(BAR_WIDTH, Math.floor((done / total) * BAR_WIDTH));
  return (
    `[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${Math.min(done, total)}/${total}${unit}` +
    `  ${state.answeredLastSecond} req/s  ${state.answered} answered  errors: ${state.httpErrors} http, ${state.connectionErrors} connection`
  );
}

export function showProgress(instance: autocannon.Instance, goal: Goal, stream: NodeJS.WriteStream): void {
  const started = Date.now();
  const state: ProgressState = { elapsedSeconds: 0, answered: 0, answeredLastSecond: 0, httpErrors: 0, connectionErrors: 0 };
  let answeredAtLastTick = 0;
  let lastLogged = -1;

  instance.on('response', (_client, status) => {
    state.answered += 1;
    if (status >= 400) state.httpErrors += 1;
  });
  instance.on('reqError', () => {
    state.connectionErrors += 1;
  });
  instance.on('tick', () => {
    state.elapsedSeconds = Math.round((Date.now() - started) / 1000);
    state.answeredLastSecond = state.answered - answeredAtLastTick;
    answeredAtLastTick = state.answered;
    if (stream.isTTY) stream.write(`\r\x1b[2K${progressLine(goal, state)}`);
    // autocannon ticks once more as it stops; a log needs that second only once.
    else if (state.elapsedSeconds % LOG_EVERY_SECONDS === 0 && state.elapsedSeconds !== lastLogged) {
      lastLogged = state.elapsedSeconds;
      stream.write(`${progressLine(goal, state)}\n`);
    }
  });
  instance.on('done', () => {
    if (stream.isTTY) stream.write('\r\x1b[2K');
  });
}
