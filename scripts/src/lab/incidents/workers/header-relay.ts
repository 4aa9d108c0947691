import { createServer, request } from 'node:http';

// A relay in front of a service, like a proxy that passes on only the headers it knows: every request
// and answer goes through unchanged, except that the trace context headers are left behind. Started
// by the lab beside the mesh (not traced itself), with its port and target in RELAY_PORT and RELAY_TARGET;
// it listens on the loopback, or on RELAY_HOST (a container listens on 0.0.0.0 for its neighbours).

const DROPPED = new Set(['traceparent', 'tracestate', 'baggage']);
const port = Number(process.env.RELAY_PORT);
const target = new URL(process.env.RELAY_TARGET ?? '');

const server = createServer((incoming, outgoing) => {
  const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => !DROPPED.has(name)));
  const forwarded = request(
    { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  forwarded.on('error', () => {
    if (!outgoing.headersSent) outgoing.writeHead(502);
    outgoing.end();
  });
  incoming.pipe(forwarded);
});

server.listen(port, process.env.RELAY_HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
