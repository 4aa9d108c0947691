import { Broker, createLogger, ORDER_EVENTS, onShutdown, startServer } from '@tracing-lab/shared-tracing';
import { createApp } from './app.js';
import { createDatabaseClient } from './database-client.js';
import { loadConfig } from './config.js';
import { Orders } from './orders.js';
import { OutboxRelay } from './outbox-relay.js';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  const broker = await Broker.connect(config.amqpUrl, { exchange: ORDER_EVENTS.exchange }, logger);
  onShutdown('rabbitmq', () => broker.close());
  const database = createDatabaseClient(config.databaseServiceUrl, config.database);
  const relay = new OutboxRelay(database, broker, logger);
  relay.start();
  // Shutdown runs last-registered first: the relay finishes its round before the broker closes.
  onShutdown('outbox-relay', () => relay.stop());
  const orders = new Orders(database, relay, config.orderList);
  await startServer(createApp(orders, broker, logger), config.listen, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`backend could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
