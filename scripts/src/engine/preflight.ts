import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename } from 'node:path';
import type { ComposeFile } from '../compose-file.js';

// What must be true before `compose up` can publish the project's ports: nothing else listening on
// them (the native stack uses the same ones).

export interface PublishedPort {
  service: string;
  host: string;
  port: number;
}

export interface TakenPort extends PublishedPort {
  // The process that holds it, when the kernel tells (`node, pid 1234`).
  holder: string | undefined;
}

export function publishedPorts(compose: ComposeFile): PublishedPort[] {
  return Object.entries(compose.services).flatMap(([service, definition]) =>
    (definition.ports ?? []).flatMap((port) => (port.published ? [{ service, host: port.host_ip || '0.0.0.0', port: Number(port.published) }] : [])),
  );
}

export async function takenPorts(ports: readonly PublishedPort[]): Promise<TakenPort[]> {
  const taken: TakenPort[] = [];
  for (const port of ports) {
    if (!(await canListen(port.host, port.port))) taken.push({ ...port, holder: holderOf(port.port) });
  }
  return taken;
}

export function takenPortsMessage(taken: readonly TakenPort[]): string {
  const list = taken.map((p) => `${p.host}:${p.port} (${p.service}${p.holder ? `; held by ${p.holder}` : ''})`).join(', ');
  return `${taken.length === 1 ? 'a port' : 'ports'} the project publishes ${taken.length === 1 ? 'is' : 'are'} already in use: ${list}; stop what holds them (the native stack: npm run stack:down)`;
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

// `ss` prints the listening socket's owners as users:(("node",pid=1234,fd=20)), with the name of the
// thread that listens; the program's own name is the first word of its command line.
function holderOf(port: number): string | undefined {
  const listing = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /users:\(\("[^"]*",pid=(\d+)/.exec(listing.stdout ?? '')?.[1];
  if (!pid) return undefined;
  let program = '';
  try {
    program = basename(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '');
  } catch {
    // Gone since ss looked.
  }
  return `${program || 'a process'}, pid ${pid}`;
}
