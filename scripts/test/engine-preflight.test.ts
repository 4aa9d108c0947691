import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/free-port.js';
import { takenPorts, takenPortsMessage } from '../src/engine/preflight.js';

// Before `compose up` publishes the project's ports, each is tried: one held by another process
// (the native stack, most often) is named in one line, with what holds it.

let server: Server;
let held: number;

beforeAll(async () => {
  held = await freePort();
  server = createServer();
  await new Promise<void>((resolve) => server.listen(held, '127.0.0.1', resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the ports the project publishes', () => {
  it('are free when nothing listens on them', async () => {
    expect(await takenPorts([{ service: 'frontend', host: '127.0.0.1', port: await freePort() }])).toEqual([]);
  });

  it('name the one another process holds, with its name and pid', async () => {
    const taken = await takenPorts([{ service: 'frontend', host: '127.0.0.1', port: held }]);
    expect(taken).toEqual([{ service: 'frontend', host: '127.0.0.1', port: held, holder: `node, pid ${process.pid}` }]);
    expect(takenPortsMessage(taken)).toBe(
      `a port the project publishes is already in use: 127.0.0.1:${held} (frontend; held by node, pid ${process.pid}); ` +
        'stop what holds them (the native stack: npm run stack:down)',
    );
  });

  it('are listed together when several are taken', () => {
    const taken = [
      { service: 'postgres', host: '127.0.0.1', port: 5432, holder: 'postgres, pid 10' },
      { service: 'rabbitmq', host: '127.0.0.1', port: 5672, holder: undefined },
    ];
    expect(takenPortsMessage(taken)).toBe(
      'ports the project publishes are already in use: 127.0.0.1:5432 (postgres; held by postgres, pid 10), 127.0.0.1:5672 (rabbitmq); ' +
        'stop what holds them (the native stack: npm run stack:down)',
    );
  });
});
