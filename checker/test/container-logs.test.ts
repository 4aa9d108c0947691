import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { containerLogLines, demultiplex, engineSocket } from '../src/container-logs.js';

// Reading a Compose service's log lines from the container engine's API, against a server on a unix
// socket that answers as the Docker API does.

function frame(stream: 1 | 2, text: string): Buffer {
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(Buffer.byteLength(text), 4);
  return Buffer.concat([header, Buffer.from(text)]);
}

const line = (msg: string) => `${JSON.stringify({ time: 1_700_000_000_000, msg, trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16) })}\n`;

let server: Server | undefined;
afterEach(() => server?.close());

function engine(containers: { Id: string }[], logs: Buffer): Promise<{ socket: string; paths: string[] }> {
  const socket = join(mkdtempSync(join(tmpdir(), 'engine-')), 'docker.sock');
  const paths: string[] = [];
  server = createServer((req, res) => {
    paths.push(decodeURIComponent(req.url ?? ''));
    if (req.url?.startsWith('/containers/json')) res.end(JSON.stringify(containers));
    else res.end(logs);
  });
  return new Promise((resolve) => server?.listen(socket, () => resolve({ socket, paths })));
}

describe('containerLogLines', () => {
  it("reads the running container of the Compose service, stdout and stderr, as pino's JSON lines", async () => {
    const { socket, paths } = await engine([{ Id: 'c0ffee' }], Buffer.concat([frame(1, line('order stored')), frame(2, 'not json\n'), frame(1, line('sent'))]));
    const lines = await containerLogLines('backend', 1_700_000_000_000, socket);
    expect(lines?.map((l) => l.msg)).toEqual(['order stored', 'sent']);
    expect(paths[0]).toContain('"com.docker.compose.service=backend"');
    expect(paths[1]).toBe('/containers/c0ffee/logs?stdout=true&stderr=true&since=1699999998');
  });

  it('is undefined when no container of the service runs, or when no engine answers', async () => {
    const { socket } = await engine([], Buffer.alloc(0));
    expect(await containerLogLines('backend', 0, socket)).toBeUndefined();
    expect(await containerLogLines('backend', 0, join(tmpdir(), 'no-engine-here.sock'))).toBeUndefined();
  });
});

describe('demultiplex', () => {
  it('joins the framed chunks, and leaves plain output (a TTY container) as it is', () => {
    expect(demultiplex(Buffer.concat([frame(1, 'ab'), frame(2, 'cd')]))).toBe('abcd');
    expect(demultiplex(Buffer.from('{"time":1}\n'))).toBe('{"time":1}\n');
  });
});

describe('engineSocket', () => {
  it("is DOCKER_HOST's unix socket, Docker's default without one, none for a TCP engine", () => {
    expect(engineSocket({ DOCKER_HOST: 'unix:///var/lib/lab/engine.sock' })).toBe('/var/lib/lab/engine.sock');
    expect(engineSocket({})).toBe('/var/run/docker.sock');
    expect(engineSocket({ DOCKER_HOST: 'tcp://10.0.0.2:2375' })).toBeUndefined();
  });
});
