import { createHttpClient, createLogger, startServer } from '@tracing-lab/shared-tracing';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { Orders } from './orders.js';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  const orders = new Orders(createHttpClient(config.databaseServiceUrl));
  await startServer(createApp(orders, logger), config.listen, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`backend could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
