import { Broker, createHttpClient, createLogger, onShutdown } from '@tracing-lab/shared-tracing';
import { startServer } from '@tracing-lab/service-kit';
import { ALERT_EVENTS, ORDER_EVENTS } from '@tracing-lab/contracts';
import { AlertDelivery } from './alerts.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { Notifier } from './notifications.js';

// Alerts are few and each is posted on its own; a handful in flight keeps them in order enough.
const ALERT_PREFETCH = 5;

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  const notifier = new Notifier(createHttpClient(config.databaseServiceUrl), logger, config.mailSendMs);
  const broker = await Broker.connect(
    config.amqpUrl,
    {
      exchange: ORDER_EVENTS.exchange,
      queue: {
        name: ORDER_EVENTS.notifierQueue,
        routingKey: ORDER_EVENTS.orderCreated,
        prefetch: config.orderPrefetch,
        deadLetterQueue: ORDER_EVENTS.notifierDeadLetterQueue,
      },
    },
    logger,
  );
  broker.consume((payload, message) => notifier.handleOrderCreated(payload, message.fields.redelivered));
  onShutdown('rabbitmq', () => broker.close());
  // The Tracing API's alerts: another exchange with its own queue, so a broker is one topology.
  const alertBroker = await Broker.connect(
    config.amqpUrl,
    {
      exchange: ALERT_EVENTS.exchange,
      queue: {
        name: ALERT_EVENTS.notifierQueue,
        routingKey: ALERT_EVENTS.notifierBinding,
        prefetch: ALERT_PREFETCH,
        deadLetterQueue: ALERT_EVENTS.notifierDeadLetterQueue,
      },
    },
    logger,
  );
  const alerts = new AlertDelivery(logger);
  alertBroker.consume((payload) => alerts.deliver(payload));
  onShutdown('rabbitmq-alerts', () => alertBroker.close());
  await startServer(createApp(notifier, broker, logger), config.listen, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`notifier could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
