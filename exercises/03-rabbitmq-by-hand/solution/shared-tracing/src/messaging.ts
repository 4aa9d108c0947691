import amqp, { type ChannelModel, type ConfirmChannel, type ConsumeMessage, type RecoveringChannelModel } from 'amqplib';
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { Logger } from './logger.js';
import { recordSpanError } from './span-error.js';
import { withSpan } from './with-span.js';
import type { DependencyState } from './health.js';

// RabbitMQ for the mesh: this helper owns the connection, the topology and the ack discipline, and
// carries the trace across the broker by hand (the amqplib instrumentation is off for exercise 3): a
// PRODUCER span per publish whose context travels in the message headers, and a CONSUMER span per
// delivery that continues it.

export interface Topology {
  exchange: string;
  // Consumers declare their queue and binding; publishers only need the exchange.
  // A message rejected as poison goes to the dead-letter queue, where it waits to be inspected,
  // instead of being dropped.
  queue?: { name: string; routingKey: string; prefetch: number; deadLetterQueue: string };
}

// Deliveries of one message before it is dead-lettered: the first try and two redeliveries.
export const MAX_DELIVERIES = 3;
const RETRY_BASE_DELAY_MS = 1_000;

// A quorum queue counts earlier deliveries in the x-delivery-count header; a classic queue only says
// whether there were any.
function deliveriesBefore(message: ConsumeMessage): number {
  const counted = Number(message.properties.headers?.['x-delivery-count']);
  if (Number.isInteger(counted) && counted >= 0) return counted;
  return message.fields.redelivered ? 1 : 0;
}

export type MessageHandler = (payload: unknown, message: ConsumeMessage) => Promise<void>;

export class Broker {
  private connection: RecoveringChannelModel | undefined;
  private channel: ConfirmChannel | undefined;
  private handler: MessageHandler | undefined;

  private constructor(
    private readonly topology: Topology,
    private readonly logger: Logger,
  ) {}

  // Connects in the background and keeps reconnecting with backoff, so a service starts, and stays
  // up, while the broker is down; /health reports the outage meanwhile. The broker object exists
  // before the first connection, because the recovery setup can run as soon as the socket opens.
  static async connect(url: string, topology: Topology, logger: Logger): Promise<Broker> {
    const broker = new Broker(topology, logger);
    const connection = await amqp.connect(url, {
      recovery: {
        waitForConnect: false,
        initialDelay: 250,
        maxDelay: 5_000,
        setup: async (model: ChannelModel) => broker.setUp(await model.createConfirmChannel()),
      },
    });
    broker.connection = connection;
    connection.on('connect', () => logger.info('broker connected'));
    connection.on('disconnect', (error: Error) => {
      broker.channel = undefined;
      logger.warn({ err: error }, 'broker disconnected, reconnecting');
    });
    connection.on('error', (error: Error) => logger.warn({ err: error }, 'broker error'));
    return broker;
  }

  state(): DependencyState {
    return this.channel ? 'up' : 'down';
  }

  // Publishes a persistent JSON message and resolves once the broker has confirmed it.
  async publish(routingKey: string, payload: unknown): Promise<void> {
    const channel = this.channel;
    if (!channel) throw new BrokerUnavailableError();
    const body = Buffer.from(JSON.stringify(payload));
    const attributes = {
      'messaging.system': 'rabbitmq',
      'messaging.operation.type': 'send',
      'messaging.destination.name': this.topology.exchange,
      'messaging.rabbitmq.destination.routing_key': routingKey,
    };
    await withSpan(
      `publish ${this.topology.exchange}`,
      attributes,
      async () => {
        // The producer span is the active one here: its context is the one the consumer continues.
        const headers: Record<string, string> = {};
        propagation.inject(context.active(), headers);
        await new Promise<void>((resolve, reject) => {
          channel.publish(
            this.topology.exchange,
            routingKey,
            body,
            { persistent: true, contentType: 'application/json', headers },
            (error) => (error ? reject(error) : resolve()),
          );
        });
      },
      SpanKind.PRODUCER,
    );
  }

  // Registers the handler for the topology's queue; it is re-attached after every reconnect. A
  // message is acked only after the handler succeeded. One that can never succeed (not JSON, or the
  // handler threw PoisonMessageError) is rejected without requeue; any other failure is requeued.
  consume(handler: MessageHandler): void {
    this.handler = handler;
    if (this.channel) void this.startConsuming(this.channel);
  }

  async close(): Promise<void> {
    await this.connection?.close();
  }

  private async setUp(channel: ConfirmChannel): Promise<void> {
    await channel.assertExchange(this.topology.exchange, 'topic', { durable: true });
    const queue = this.topology.queue;
    if (queue) {
      await channel.assertQueue(queue.deadLetterQueue, { durable: true });
      await channel.assertQueue(queue.name, {
        durable: true,
        arguments: {
          // A quorum queue counts deliveries, so a message that keeps failing is given up on after
          // MAX_DELIVERIES instead of being retried for ever.
          'x-queue-type': 'quorum',
          'x-delivery-limit': MAX_DELIVERIES - 1,
          // Through the default exchange, straight to the dead-letter queue by its name, headers and
          // trace context included.
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': queue.deadLetterQueue,
        },
      });
      await channel.bindQueue(queue.name, this.topology.exchange, queue.routingKey);
      await channel.prefetch(queue.prefetch);
    }
    this.channel = channel;
    if (this.handler) await this.startConsuming(channel);
  }

  private async startConsuming(channel: ConfirmChannel): Promise<void> {
    const queue = this.topology.queue;
    const handler = this.handler;
    if (!queue || !handler) return;
    await channel.consume(queue.name, (message) => {
      if (message) void this.handle(channel, message, handler);
    });
  }

  // Each delivery in a CONSUMER span that continues the trace the publisher's headers carry.
  private handle(channel: ConfirmChannel, message: ConsumeMessage, handler: MessageHandler): Promise<void> {
    const queue = this.topology.queue?.name ?? '';
    const publisher = propagation.extract(ROOT_CONTEXT, message.properties.headers ?? {});
    const attributes = { 'messaging.system': 'rabbitmq', 'messaging.operation.type': 'process', 'messaging.destination.name': queue };
    return context.with(publisher, () => withSpan(`${queue} process`, attributes, () => this.process(channel, message, handler), SpanKind.CONSUMER));
  }

  private async process(channel: ConfirmChannel, message: ConsumeMessage, handler: MessageHandler): Promise<void> {
    let payload: unknown;
    try {
      payload = JSON.parse(message.content.toString('utf8'));
    } catch {
      payload = undefined;
    }
    try {
      if (payload === undefined) throw new PoisonMessageError('message body is not JSON');
      await handler(payload, message);
      channel.ack(message);
    } catch (error) {
      const poison = error instanceof PoisonMessageError;
      // The consumer span opened for this delivery is the active one.
      const span = trace.getActiveSpan();
      if (span) recordSpanError(span, error);
      const previousDeliveries = deliveriesBefore(message);
      const last = previousDeliveries + 1 >= MAX_DELIVERIES;
      this.logger.error(
        { err: error, delivery: previousDeliveries + 1, maxDeliveries: MAX_DELIVERIES },
        poison ? 'message can never be handled, dead-lettering it' : last ? 'message failed its last delivery, dead-lettering it' : 'message handling failed, requeueing',
      );
      // A retry straight away would meet the same outage: wait 1 s, then 2 s, before handing it back.
      if (!poison && !last) await new Promise((resolve) => setTimeout(resolve, RETRY_BASE_DELAY_MS * 2 ** previousDeliveries).unref());
      try {
        channel.nack(message, false, !poison && !last);
      } catch {
        // The channel closed meanwhile (shutdown, broker restart): RabbitMQ redelivers the message.
      }
    }
  }
}

export class BrokerUnavailableError extends Error {
  readonly code = 'BROKER_UNAVAILABLE';
  constructor() {
    super('message broker unavailable');
    this.name = 'BrokerUnavailableError';
  }
}

// Thrown by a handler for a message that no retry can fix, such as one missing a required field.
export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}
