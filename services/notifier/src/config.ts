import { countFrom, type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/service-kit';

export interface NotifierConfig {
  listen: ListenAddress;
  databaseServiceUrl: string;
  amqpUrl: string;
  // order.created deliveries in flight at once: enough to keep the database busy, few enough that a
  // slow send does not pile up unacknowledged messages.
  orderPrefetch: number;
  // How long the stand-in e-mail provider takes to accept a message.
  mailSendMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return {
    listen: listenAddressFrom(env, 8083),
    databaseServiceUrl: urlFrom(env, 'DATABASE_SERVICE_URL', ['http', 'https']),
    amqpUrl: urlFrom(env, 'AMQP_URL', ['amqp', 'amqps']),
    orderPrefetch: countFrom(env, 'ORDER_PREFETCH', 10, 1, 1_000),
    mailSendMs: countFrom(env, 'MAIL_SEND_MS', 15, 0, 60_000),
  };
}
