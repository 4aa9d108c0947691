import { Broker, createLogger, onShutdown } from '@tracing-lab/shared-tracing';
import { startServer } from '@tracing-lab/service-kit';
import { ORDER_EVENTS } from '@tracing-lab/contracts';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { Database } from './db.js';
import { Outbox } from './outbox.js';
import { OutboxRelay } from './outbox-relay.js';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  const database = new Database(logger, config.poolMax);
  onShutdown('postgres-pool', () => database.close());
  void database.prepare();
  const broker = await Broker.connect(config.amqpUrl, { exchange: ORDER_EVENTS.exchange }, logger);
  onShutdown('rabbitmq', () => broker.close());
  const relay = new OutboxRelay(new Outbox(database.pool), broker, logger);
  relay.start();
  // Shutdown runs last-registered first: the relay finishes its round before the broker and the pool close.
  onShutdown('outbox-relay', () => relay.stop());
  await startServer(createApp(database, relay, broker, logger), config.listen, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`database could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
