// Graceful shutdown for every service: on SIGTERM or SIGINT, run the closers the app registered
// (newest first: the HTTP server stops accepting and drains before the broker and the database it
// needs are closed), then the finalizers (the SDK flushing its last spans), then exit. A deadline
// guarantees the exit even if a closer hangs, inside Compose's 10 s stop_grace_period.

type Close = () => Promise<unknown> | unknown;
interface Step {
  name: string;
  close: Close;
}
interface Registry {
  closers: Step[];
  finalizers: Step[];
  installed: boolean;
  started?: Promise<void>;
}

export const SHUTDOWN_DEADLINE_MS = 9_000;

// The bootstrap is loaded through --import and the app through require; a global keeps both on one
// registry whatever module instance each of them gets.
const key = Symbol.for('tracing-lab.shutdown');
const registry: Registry = ((globalThis as Record<symbol, Registry | undefined>)[key] ??= {
  closers: [],
  finalizers: [],
  installed: false,
});

export function onShutdown(name: string, close: Close): void {
  registry.closers.unshift({ name, close });
}

export function onShutdownFinally(name: string, close: Close): void {
  registry.finalizers.push({ name, close });
}

export function installShutdownHandlers(): void {
  if (registry.installed) return;
  registry.installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void shutdown(signal).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

export function shutdown(reason: string): Promise<void> {
  registry.started ??= runSteps(reason);
  return registry.started;
}

async function runSteps(reason: string): Promise<void> {
  const deadline = setTimeout(() => {
    process.stderr.write(`shutdown (${reason}) exceeded ${SHUTDOWN_DEADLINE_MS} ms, exiting\n`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  let failed = false;
  for (const step of [...registry.closers, ...registry.finalizers]) {
    try {
      await step.close();
    } catch (error) {
      failed = true;
      process.stderr.write(`shutdown step '${step.name}' failed: ${String(error)}\n`);
    }
  }
  clearTimeout(deadline);
  if (failed) throw new Error(`shutdown (${reason}) finished with errors`);
}
