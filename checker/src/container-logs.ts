import { request } from 'node:http';
import { type LogLine, parseLogLines } from './log-lines.js';

// The services' log lines under Compose, where they go to the container engine instead of files: read
// through the engine's Docker API on its unix socket (DOCKER_HOST, or Docker's default), as
// `docker compose logs <service>` reads them. Undefined when there is no engine to ask or no container
// of that Compose service.

const DEFAULT_SOCKET = '/var/run/docker.sock';
// A few seconds before the request, against clocks that round to the second.
const SINCE_SLACK_S = 2;
const TIMEOUT_MS = 10_000;

export function engineSocket(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const host = env.DOCKER_HOST?.trim();
  if (!host) return DEFAULT_SOCKET;
  return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}

// `sinceMs`: only the lines written since then (the engine's `since`, whole seconds).
export async function containerLogLines(service: string, sinceMs: number, socket = engineSocket()): Promise<LogLine[] | undefined> {
  if (!socket) return undefined;
  try {
    const filters = JSON.stringify({ label: [`com.docker.compose.service=${service}`], status: ['running'] });
    const containers = JSON.parse((await get(socket, `/containers/json?filters=${encodeURIComponent(filters)}`)).toString('utf8')) as { Id: string }[];
    const id = containers[0]?.Id;
    if (!id) return undefined;
    const since = Math.max(0, Math.floor(sinceMs / 1000) - SINCE_SLACK_S);
    const raw = await get(socket, `/containers/${id}/logs?stdout=true&stderr=true&since=${since}`);
    return parseLogLines(demultiplex(raw));
  } catch {
    return undefined;
  }
}

// Without a TTY the engine sends each chunk of output behind an 8-byte header: the stream (1 stdout,
// 2 stderr), three zero bytes, the chunk's length (big-endian). Output that does not start so is plain.
export function demultiplex(raw: Buffer): string {
  const first = raw[0];
  if (raw.length < 8 || (first !== 1 && first !== 2) || raw[1] !== 0 || raw[2] !== 0 || raw[3] !== 0) return raw.toString('utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at + 8 <= raw.length; ) {
    const length = raw.readUInt32BE(at + 4);
    chunks.push(raw.subarray(at + 8, at + 8 + length));
    at += 8 + length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function get(socket: string, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, method: 'GET', path, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => ((res.statusCode ?? 500) < 400 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${path}: ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer`)));
    req.on('error', reject);
    req.end();
  });
}
