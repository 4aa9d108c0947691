import pg from 'pg';
import type { DependencyState, Logger } from '@tracing-lab/shared-tracing';
import { SCHEMA_SQL } from './schema.js';

// The connection pool and the schema set-up. The service starts even while PostgreSQL is down: the
// schema is applied in the background, retried with backoff, and /health reports 'down' meanwhile.
export class Database {
  readonly pool: pg.Pool;
  private ready = false;

  constructor(
    private readonly logger: Logger,
    poolMax = 10,
  ) {
    this.pool = new pg.Pool({ max: poolMax, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 10_000 });
    // A connection lost while PostgreSQL restarts must not crash the process. The pool listens for
    // errors on idle clients only; a client checked out for a transaction emits its own, which with
    // no listener would be an uncaught exception. Its pending query fails and is answered with a 503.
    this.pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
    this.pool.on('connect', (client) => {
      client.on('error', (error) => logger.warn({ err: error }, 'database connection lost'));
    });
  }

  async prepare(retryDelayMs = 250, maxDelayMs = 5_000): Promise<void> {
    let delay = retryDelayMs;
    for (;;) {
      try {
        await this.pool.query(SCHEMA_SQL);
        this.ready = true;
        this.logger.info('database schema ready');
        return;
      } catch (error) {
        this.logger.warn({ err: error, retryInMs: delay }, 'database not ready, retrying');
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        delay = Math.min(delay * 2, maxDelayMs);
      }
    }
  }

  async state(): Promise<DependencyState> {
    if (!this.ready) return 'down';
    try {
      await this.pool.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
