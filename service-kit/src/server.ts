import type { Server } from 'node:http';
import type { Express } from 'express';
import type { ListenAddress } from './env-config.js';
import { installShutdownHandlers, type Logger, onShutdown } from '@tracing-lab/shared-tracing';

// Listens, and on shutdown stops accepting, lets in-flight requests finish, and closes idle
// keep-alive connections so the drain does not wait for clients that will never send again.
export function startServer(app: Express, { host, port }: ListenAddress, logger: Logger): Promise<Server> {
  installShutdownHandlers();
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      logger.info({ host, port }, 'listening');
      resolve(server);
    });
    onShutdown('http-server', () => closeServer(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
