import { type Broker, type Logger, outsideAnyTrace, resumeTraceContext, withSpan } from '@tracing-lab/shared-tracing';
import type { OrderCreatedEvent } from '@tracing-lab/contracts';
import { poisonMessageFault } from './faults.js';
import type { Outbox, OutboxEvent } from './outbox.js';

// Publishes the events written to the outbox in each order's transaction. Every event is published
// inside the trace context stored with it, so its message continues the order's trace even when
// published minutes later; it is marked published only after RabbitMQ confirmed it. The request that
// created an order publishes its own event straight away; a sweep every second publishes what that
// missed (RabbitMQ was down, the process stopped), leaving events younger than SWEEP_GRACE_MS to their
// request, so one order's message is not published in another's round. An event may still go out
// twice (the mark can fail after the confirm): the notifier is idempotent.
//
// The sweep's query, and the mark of an event published straight away, run outside any trace, where
// the pg instrumentation records nothing: a sweep that finds nothing leaves no span. A sweep that
// publishes makes one span for its batch (BATCH_SPAN), its marks under it, and each event's publish
// still goes to that event's trace.

const BATCH = 100;
const SWEEP_GRACE_MS = 5_000;
const BATCH_SPAN = 'outbox.batch';

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly outbox: Pick<Outbox, 'pending' | 'markPublished'>,
    private readonly broker: Pick<Broker, 'publish'>,
    private readonly logger: Logger,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  // Publishes one new event in the background: the order is already committed, and a failure here
  // only leaves the event to the sweep.
  publishSoon(event: OutboxEvent): void {
    const publishing = outsideAnyTrace(() => this.relay(event))
      .catch((error: unknown) => this.logger.warn({ err: error, eventId: event.id }, 'event left in the outbox for the next sweep'))
      .finally(() => this.inFlight.delete(publishing));
    this.inFlight.add(publishing);
  }

  // Runs a sweep now unless one is under way; resolves when it is done.
  sweep(): Promise<void> {
    this.sweeping ??= outsideAnyTrace(() => this.sweepAll()).finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([this.sweeping, ...this.inFlight]);
  }

  private async sweepAll(): Promise<void> {
    try {
      for (;;) {
        const events = await this.outbox.pending(BATCH, SWEEP_GRACE_MS);
        if (events.length) await this.publishBatch(events);
        if (events.length < BATCH) return;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay paused, retrying shortly');
    }
  }

  private publishBatch(events: OutboxEvent[]): Promise<void> {
    const attributes = { 'messaging.system': 'rabbitmq', 'messaging.batch.message_count': events.length };
    // The batch continues the trace of its first event.
    const first = events[0] as OutboxEvent;
    return resumeTraceContext(first.traceContext, () =>
      withSpan(BATCH_SPAN, attributes, async () => {
        for (const event of events) await this.relay(event);
      }),
    );
  }

  private async relay(event: OutboxEvent): Promise<void> {
    await resumeTraceContext(event.traceContext, () => this.broker.publish(event.routingKey, poisonMessageFault(event.payload as OrderCreatedEvent)));
    await this.outbox.markPublished(event.id);
  }
}
