import { setTimeout as sleep } from 'node:timers/promises';

// Polls with a deadline. Traces arrive in Jaeger span by span, each service exporting on its own
// schedule, so "found" is not yet "whole": the probe says what it saw each time, and a timeout
// reports the last of it.

export interface Attempt<T> {
  value: T | undefined;
  done: boolean;
  seen: string;
}

export type PollResult<T> = { done: true; value: T | undefined } | { done: false; value: T | undefined; message: string };

export async function poll<T>(
  what: string,
  probe: () => Promise<Attempt<T>>,
  { timeoutMs, intervalMs = 500 }: { timeoutMs: number; intervalMs?: number },
): Promise<PollResult<T>> {
  const started = Date.now();
  let value: T | undefined;
  let seen = 'nothing yet';
  for (;;) {
    try {
      const attempt = await probe();
      value = attempt.value ?? value;
      seen = attempt.seen;
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

export function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
