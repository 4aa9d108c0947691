import { createLogger, onShutdown, startServer } from '@tracing-lab/shared-tracing';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { Database } from './db.js';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  const database = new Database(logger, config.poolMax);
  onShutdown('postgres-pool', () => database.close());
  void database.prepare();
  await startServer(createApp(database, logger), config.listen, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`database could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
