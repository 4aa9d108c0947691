import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabaseClient } from '../src/database-client.js';

// The backend's database client against a local server far slower than its timeout: reads are asked
// again as configured, writes never (a retried POST could store an order twice). The timeout leaves
// each try time to reach the server even on a busy machine.

let server: Server;
let requests = 0;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

function slowServer(answerAfterMs: number): Promise<string> {
  requests = 0;
  server = createServer((_req, res) => {
    requests++;
    setTimeout(() => res.end('[]'), answerAfterMs);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe('createDatabaseClient', () => {
  it('asks a read that timed out again, each try with the whole timeout, up to readRetries times', async () => {
    const client = createDatabaseClient(await slowServer(5_000), { timeoutMs: 200, readRetries: 4 });
    await expect(client.get('/db/orders')).rejects.toMatchObject({ code: 'ECONNABORTED' });
    expect(requests).toBe(5);
  });

  it('never retries a write', async () => {
    const client = createDatabaseClient(await slowServer(5_000), { timeoutMs: 200, readRetries: 4 });
    await expect(client.post('/db/orders', {})).rejects.toMatchObject({ code: 'ECONNABORTED' });
    expect(requests).toBe(1);
  });

  it('does not retry at all by default', async () => {
    const client = createDatabaseClient(await slowServer(5_000), { timeoutMs: 200, readRetries: 0 });
    await expect(client.get('/db/orders')).rejects.toMatchObject({ code: 'ECONNABORTED' });
    expect(requests).toBe(1);
  });
});
