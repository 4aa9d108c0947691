import { setTimeout as sleep } from 'node:timers/promises';

// Polls with a deadline: the one poller of the lab, for a trace to be whole in Jaeger as for a service
// to be healthy. Traces arrive in Jaeger span by span, each service exporting on its own schedule, so
// "found" is not yet "whole": the probe says what it saw each time, and a timeout reports the last of it.

export interface Attempt<T> {
  value: T | undefined;
  done: boolean;
  // What the probe saw; without it, what was seen last (a probe's error included) still stands.
  seen?: string;
}

export type PollResult<T> = { done: true; value: T | undefined } | { done: false; value: T | undefined; message: string };

export interface PollOptions {
  timeoutMs: number;
  intervalMs?: number;
  // Why waiting longer is pointless (the process being waited for has exited).
  giveUpIf?: () => string | undefined;
}

export async function poll<T>(
  what: string,
  probe: () => Promise<Attempt<T>>,
  { timeoutMs, intervalMs = 500, giveUpIf }: PollOptions,
): Promise<PollResult<T>> {
  const started = Date.now();
  let value: T | undefined;
  let seen = 'nothing yet';
  for (;;) {
    const hopeless = giveUpIf?.();
    if (hopeless) return { done: false, value, message: `gave up waiting for ${what}: ${hopeless}` };
    try {
      const attempt = await probe();
      value = attempt.value ?? value;
      seen = attempt.seen ?? seen;
      if (attempt.done) return { done: true, value };
    } catch (error) {
      seen = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() - started >= timeoutMs) {
      return { done: false, value, message: `timed out after ${formatSeconds(timeoutMs)}s waiting for ${what} (last: ${seen})` };
    }
    await sleep(intervalMs);
  }
}

// The first value `probe` returns that is not undefined; throws poll's message when it gives up.
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 250, giveUpIf }: Partial<PollOptions> = {},
): Promise<T> {
  const result = await poll(
    what,
    async () => {
      const value = await probe();
      return { value, done: value !== undefined };
    },
    { timeoutMs, intervalMs, giveUpIf },
  );
  if (!result.done) throw new Error(result.message);
  return result.value as T;
}

export function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
