import { createLogger } from '@tracing-lab/shared-tracing';
import { startServer } from '@tracing-lab/service-kit';
import { createApp } from './app.js';
import { createDatabaseClient } from './database-client.js';
import { loadConfig } from './config.js';
import { Orders } from './orders.js';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  const orders = new Orders(createDatabaseClient(config.databaseServiceUrl, config.database), config.orderList);
  await startServer(createApp(orders, logger), config.listen, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`backend could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
