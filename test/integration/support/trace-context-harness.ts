import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The two ends of the W3C Trace Context test suite, as its harness drives a service: a request to the
// frontend's POST /test/trace-context carrying the headers under test and a list of calls to make,
// and a server that receives those calls and keeps the headers the frontend sent with them.

// Header pairs sent exactly as given: a name may repeat or have any casing, as the suite's cases need.
export type RawHeaders = [name: string, value: string][];

export interface Harness {
  // The headers of each call the frontend made, in order.
  send(headers: RawHeaders, calls?: number): Promise<IncomingHttpHeaders[]>;
  close(): Promise<void>;
}

export async function startHarness(endpoint: URL): Promise<Harness> {
  const received: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    async send(headers, calls = 1) {
      const before = received.length;
      const body = JSON.stringify(Array.from({ length: calls }, () => ({ url: callbackUrl, arguments: [] })));
      const status = await post(endpoint, [['content-type', 'application/json'], ...headers], body);
      if (status !== 200) throw new Error(`POST ${endpoint.pathname} answered ${status}`);
      if (received.length !== before + calls) throw new Error(`expected ${calls} call(s) back, got ${received.length - before}`);
      return received.slice(before);
    },
    async close() {
      server.close();
      await once(server, 'close');
    },
  };
}

function post(url: URL, headers: RawHeaders, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    // A name given more than once is sent as that many header lines, in order, with its casing kept.
    const byName = new Map<string, string[]>();
    for (const [name, value] of headers) byName.set(name, [...(byName.get(name) ?? []), value]);
    for (const [name, values] of byName) req.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    req.on('error', reject);
    req.end(body);
  });
}
