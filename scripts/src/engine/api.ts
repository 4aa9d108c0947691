import { request } from 'node:http';

// The engine's HTTP API on its unix socket: the Docker-compatible endpoints the Compose CLI uses, and
// Podman's own (`/libpod/…`) for what Docker's API has no endpoint for, such as running a health check.

export class EngineApiError extends Error {
  override name = 'EngineApiError';
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 60_000;

// `body`, when given, is sent as JSON (creating a container takes its whole configuration).
export function engineRequest<T>(socket: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    const req = request({ socketPath: socket, method, path, headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status >= 400) {
          reject(new EngineApiError(`${method} ${path} answered ${status}: ${errorMessage(text)}`, status));
          return;
        }
        try {
          resolve((text ? JSON.parse(text) : undefined) as T);
        } catch {
          resolve(text as T);
        }
      });
    });
    req.on('timeout', () => req.destroy(new EngineApiError(`${method} ${path}: no answer within ${TIMEOUT_MS / 1000}s`, undefined)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(error instanceof EngineApiError ? error : new EngineApiError(`${method} ${path}: ${error.code ?? error.message}`, undefined)),
    );
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

// Whether the engine answers on its socket at all.
export async function enginePing(socket: string): Promise<boolean> {
  try {
    await engineRequest(socket, 'GET', '/_ping');
    return true;
  } catch {
    return false;
  }
}

function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: string; cause?: string };
    return parsed.message ?? parsed.cause ?? body.trim();
  } catch {
    return body.trim();
  }
}
