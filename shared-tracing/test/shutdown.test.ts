import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';

type ShutdownModule = typeof import('../src/shutdown.js');

// The registry lives on globalThis so the preloaded bootstrap and the app share it; each test gets a
// fresh one, and a fresh module instance that creates it.
const registryKey = Symbol.for('tracing-lab.shutdown');

async function freshShutdown(): Promise<ShutdownModule> {
  delete (globalThis as Record<symbol, unknown>)[registryKey];
  vi.resetModules();
  return import('../src/shutdown.js');
}

type Signal = 'SIGTERM' | 'SIGINT';
type Listener = () => void;

// The signal listeners `install` adds, called directly rather than by sending this worker a signal,
// and a way to take them back out.
function installed(install: () => void): Record<Signal, Listener[]> & { remove(): void } {
  const signals: Signal[] = ['SIGTERM', 'SIGINT'];
  const before = Object.fromEntries(signals.map((signal) => [signal, process.listeners(signal)]));
  install();
  const added = (signal: Signal) => process.listeners(signal).filter((listener) => !before[signal]?.includes(listener)) as Listener[];
  const handlers = { SIGTERM: added('SIGTERM'), SIGINT: added('SIGINT') };
  return {
    ...handlers,
    remove: () => signals.forEach((signal) => handlers[signal].forEach((listener) => process.removeListener(signal, listener))),
  };
}

describe('shutdown', () => {
  let stderr: MockInstance;
  let exit: MockInstance;

  beforeEach(() => {
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as Record<symbol, unknown>)[registryKey];
  });

  it('closes newest first, so the HTTP server drains before the broker and database it needs, then runs the finalizers', async () => {
    const { onShutdown, onShutdownFinally, shutdown } = await freshShutdown();
    const steps: string[] = [];
    onShutdownFinally('sdk', () => steps.push('sdk'));
    onShutdown('postgres-pool', async () => steps.push('postgres-pool'));
    onShutdown('rabbitmq', () => steps.push('rabbitmq'));
    onShutdown('http-server', () => steps.push('http-server'));
    await shutdown('SIGTERM');
    expect(steps).toEqual(['http-server', 'rabbitmq', 'postgres-pool', 'sdk']);
    expect(exit).not.toHaveBeenCalled();
  });

  it('runs the remaining steps after one fails, then rejects, naming the failed step on stderr', async () => {
    const { onShutdown, onShutdownFinally, shutdown } = await freshShutdown();
    const steps: string[] = [];
    onShutdownFinally('sdk', () => steps.push('sdk'));
    onShutdown('rabbitmq', () => steps.push('rabbitmq'));
    onShutdown('http-server', () => Promise.reject(new Error('server not running')));
    await expect(shutdown('SIGINT')).rejects.toThrow('shutdown (SIGINT) finished with errors');
    expect(steps).toEqual(['rabbitmq', 'sdk']);
    expect(stderr).toHaveBeenCalledWith("shutdown step 'http-server' failed: Error: server not running\n");
  });

  it('runs the steps once when a second signal arrives during shutdown', async () => {
    const { onShutdown, shutdown } = await freshShutdown();
    const close = vi.fn();
    onShutdown('http-server', close);
    const first = shutdown('SIGTERM');
    const second = shutdown('SIGINT');
    expect(second).toBe(first);
    await first;
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('installs one handler per signal, however often it is asked to, and exits 0 once the steps are done', async () => {
    const { installShutdownHandlers, onShutdown } = await freshShutdown();
    const handlers = installed(() => {
      installShutdownHandlers();
      installShutdownHandlers();
    });
    try {
      expect(handlers.SIGTERM).toHaveLength(1);
      expect(handlers.SIGINT).toHaveLength(1);
      const steps: string[] = [];
      onShutdown('http-server', () => steps.push('http-server'));
      handlers.SIGTERM[0]?.();
      await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
      expect(steps).toEqual(['http-server']);
    } finally {
      handlers.remove();
    }
  });

  it('exits 1 when a step failed', async () => {
    const { installShutdownHandlers, onShutdown } = await freshShutdown();
    const handlers = installed(installShutdownHandlers);
    try {
      onShutdown('http-server', () => {
        throw new Error('boom');
      });
      handlers.SIGINT[0]?.();
      await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    } finally {
      handlers.remove();
    }
  });
});
