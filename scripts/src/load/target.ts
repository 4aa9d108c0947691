import { UnreachableTargetError } from './errors.js';

// Asks the target's /health before any load is sent: a mesh that is not up would otherwise show up
// as a run of nothing but connection errors, and a server without /health is not the lab's, so it
// gets no load. A 5xx is still the mesh, only degraded: that is for the run to show.

const HEALTH_TIMEOUT_MS = 5_000;

// The /health status code; throws UnreachableTargetError when nothing answers or it has no /health.
export async function checkTarget(target: string): Promise<number> {
  let status: number;
  try {
    const response = await fetch(`${target}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    await response.arrayBuffer();
    status = response.status;
  } catch (error) {
    throw new UnreachableTargetError(`cannot reach the target ${target}: ${reasonOf(error)} (is the mesh up? npm run stack:up)`);
  }
  if (status === 404) throw new UnreachableTargetError(`the target ${target} has no /health (404): is it the lab's frontend?`);
  return status;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer on /health within ${HEALTH_TIMEOUT_MS / 1000} s`;
  // fetch reports "fetch failed"; the socket's own error, like ECONNREFUSED, is its cause.
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
