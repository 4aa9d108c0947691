import { type Logger, PoisonMessageError, withClientSpan } from '@tracing-lab/shared-tracing';
import { alertEventMessage } from '@tracing-lab/contracts';

// Delivers the Tracing API's alert transitions (alert.firing, alert.resolved) to the on-call chat.
// Each runs inside the consumer span the amqplib instrumentation opened, so the delivery continues
// the trace of the evaluation round that published it. Nothing is stored: an alert that arrives
// twice is posted twice, as a chat would show a repeated alert. A message that does not fit the AlertEvent
// contract is dead-lettered.

// The lab's stand-in for a chat webhook: how long "posting" takes. The span below is shaped like
// that client call, as notification.send is for e-mail.
export const SIMULATED_DELIVER_MS = 10;
const CHANNEL = 'chat';

export class AlertDelivery {
  constructor(private readonly logger: Logger) {}

  async deliver(payload: unknown): Promise<void> {
    const parsed = alertEventMessage.safeParse(payload);
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path ?? [];
      throw new PoisonMessageError(`alert payload invalid: ${path.length ? path.join('.') : 'body'}`);
    }
    const alert = parsed.data;
    const attributes = {
      'app.alert.rule': alert.rule,
      'app.alert.state': alert.state,
      'app.alert.service': alert.service,
      'app.alert.metric': alert.metric,
      'app.alert.threshold': alert.threshold,
      ...(alert.value === null ? {} : { 'app.alert.value': alert.value }),
      'app.notification.channel': CHANNEL,
      'server.address': 'chat.tracing-lab.internal',
      'network.protocol.name': 'https',
    };
    await withClientSpan('alert.deliver', attributes, () => new Promise((resolve) => setTimeout(resolve, SIMULATED_DELIVER_MS)));
    this.logger.info(
      { rule: alert.rule, state: alert.state, service: alert.service, metric: alert.metric, value: alert.value, threshold: alert.threshold, exampleTraceIds: alert.exampleTraceIds, channel: CHANNEL },
      `alert ${alert.state} delivered`,
    );
  }
}
