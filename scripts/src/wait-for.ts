import { setTimeout as sleep } from 'node:timers/promises';

// Polls `probe` until it returns a value that is not undefined, or fails with what it last saw.
// Used wherever the lab waits for something: a service to be healthy, a trace to be in Jaeger.
// `giveUpIf` says why waiting longer is pointless (the process being waited for has exited).
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 250, giveUpIf }: { timeoutMs?: number; intervalMs?: number; giveUpIf?: () => string | undefined } = {},
): Promise<T> {
  const started = Date.now();
  let last = 'nothing yet';
  for (;;) {
    const hopeless = giveUpIf?.();
    if (hopeless) throw new Error(`gave up waiting for ${what}: ${hopeless}`);
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
