import { setTimeout as sleep } from 'node:timers/promises';

// Polls `probe` until it returns a value that is not undefined, or fails with what it last saw.
// Used wherever the lab waits for something: a service to be healthy, a trace to be in Jaeger.
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const started = Date.now();
  let last = 'nothing yet';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() - started >= timeoutMs) {
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what} (last: ${last})`);
    }
    await sleep(intervalMs);
  }
}
