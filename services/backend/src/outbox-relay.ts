import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import type { AxiosInstance } from 'axios';
import type { Broker, Logger, OrderCreatedEvent } from '@tracing-lab/shared-tracing';
import { poisonMessageFault } from './faults.js';

// Publishes the events the database service wrote to its outbox in each order's transaction. Every
// event is published inside the trace context stored with it, so its message continues the order's
// trace even when published minutes later; it is marked published only after RabbitMQ confirmed it.
// While RabbitMQ is down, events wait in the outbox and the next round tries again. An event may be
// published twice (the mark can fail after the confirm): the notifier is idempotent for that reason.

interface OutboxEvent {
  id: string;
  routingKey: string;
  payload: unknown;
  traceContext: Record<string, string>;
}

const BATCH = 100;

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly database: AxiosInstance,
    private readonly broker: Broker,
    private readonly logger: Logger,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.timer.unref();
  }

  // Runs a round now (after the one in progress): called right after an order is stored, so the
  // message usually leaves within milliseconds; the interval only picks up what a failure left.
  kick(): void {
    if (this.round) {
      this.again = true;
      return;
    }
    // Detached from the caller's request: the relay's own calls are not part of any order's trace.
    this.round = context.with(ROOT_CONTEXT, () => this.relayAll()).finally(() => {
      this.round = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.round;
  }

  private async relayAll(): Promise<void> {
    try {
      for (;;) {
        const events = (await this.database.get<OutboxEvent[]>('/db/outbox/pending', { params: { limit: BATCH } })).data;
        for (const event of events) await this.relay(event);
        if (events.length < BATCH) return;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay paused, retrying shortly');
    }
  }

  private async relay(event: OutboxEvent): Promise<void> {
    const original = propagation.extract(ROOT_CONTEXT, event.traceContext);
    await context.with(original, () => this.broker.publish(event.routingKey, poisonMessageFault(event.payload as OrderCreatedEvent)));
    await this.database.post(`/db/outbox/${event.id}/published`);
  }
}
