import type { AxiosInstance } from 'axios';
import { sendDurationFault, sendFailureFault } from './faults.js';
import { annotateActiveSpan, type Logger, PoisonMessageError, upstreamError, withClientSpan } from '@tracing-lab/shared-tracing';
import { orderCreatedMessage } from '@tracing-lab/contracts';

// The lab's stand-in for an e-mail provider: how long "sending" takes. Real I/O would be an SMTP or
// HTTP call; the span below is shaped like that client call so the waterfall reads the same.
export const SIMULATED_SEND_MS = 15;
const CHANNEL = 'email';

// Handles one order.created event inside the consumer span the amqplib instrumentation opened, so
// the send and the database write below continue the order's trace.
export class Notifier {
  constructor(
    private readonly database: AxiosInstance,
    private readonly logger: Logger,
    private readonly sendMs = SIMULATED_SEND_MS,
  ) {}

  // `redelivered` is RabbitMQ's flag: this message was delivered before and not acknowledged.
  async handleOrderCreated(payload: unknown, redelivered = false): Promise<void> {
    const parsed = orderCreatedMessage.safeParse(payload);
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path ?? [];
      throw new PoisonMessageError(`order.created payload invalid: ${path.length ? path.join('.') : 'body'}`);
    }
    const { orderId, userId } = parsed.data;
    // RabbitMQ delivers at least once, and the outbox relay may publish an event twice: an order that
    // was notified already is acknowledged without sending again.
    if (await this.alreadyNotified(orderId)) {
      annotateActiveSpan({ 'app.notification.duplicate': true });
      this.logger.info({ orderId, channel: CHANNEL }, 'order already notified, not sending again');
      return;
    }
    await this.send(orderId, userId, redelivered);
    try {
      await this.database.post('/db/notifications', { orderId, channel: CHANNEL });
    } catch (error) {
      throw upstreamError('database service', error);
    }
    this.logger.info({ orderId, channel: CHANNEL }, 'notification sent');
  }

  private async alreadyNotified(orderId: number): Promise<boolean> {
    try {
      const found = await this.database.get<unknown[]>('/db/notifications', { params: { orderId, limit: 1 } });
      return found.data.length > 0;
    } catch (error) {
      throw upstreamError('database service', error);
    }
  }

  // The recipient is identified by user id only: an address would be personal data in the trace.
  private send(orderId: number, userId: number, redelivered: boolean): Promise<void> {
    const attributes = {
      'app.notification.channel': CHANNEL,
      'app.order.id': orderId,
      'app.user.id': userId,
      'server.address': 'mail.tracing-lab.internal',
      'network.protocol.name': 'smtp',
    };
    return withClientSpan('notification.send', attributes, async () => {
      sendFailureFault(redelivered);
      await new Promise((resolve) => setTimeout(resolve, sendDurationFault(this.sendMs)));
    });
  }

  async recent(limit: number): Promise<unknown> {
    try {
      return (await this.database.get('/db/notifications', { params: { limit } })).data;
    } catch (error) {
      throw upstreamError('database service', error);
    }
  }
}
