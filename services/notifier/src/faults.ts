import { faultFires, LabFaultError } from '@tracing-lab/shared-tracing';

// The fault scenarios the notifier honours. Baggage reaches it inside the RabbitMQ message headers,
// so `lab.scenario=<name>` on the original HTTP request switches them on for that order's message;
// LAB_SCENARIO=<name> switches them on for every message (shared-tracing/src/lab-scenario.ts).

// slow-notifier: simulates a slow e-mail provider. The send takes 2 s instead of 15 ms: the order
// request itself stays fast, but the trace grows a long tail after the publish, and messages queue up.
export const SLOW_SEND_MS = 2_000;

export function sendDurationFault(normalMs: number): number {
  return faultFires('slow-notifier') ? SLOW_SEND_MS : normalMs;
}

// notifier-failure: simulates a provider that fails now and then. The first delivery of the message
// fails with an error on the send span; RabbitMQ redelivers it and the second attempt succeeds, so the
// trace shows two consumer spans under one publish: the failed try and the retry.
export function sendFailureFault(redelivered: boolean): void {
  if (!redelivered && faultFires('notifier-failure')) {
    throw new LabFaultError('notifier-failure', 'e-mail provider refused the message');
  }
  outageFault();
}

// notifier-outage: simulates the e-mail provider being down for good. Every delivery fails; after its
// third the message is dead-lettered, to wait in notifier.order-created.dead-letter until someone
// replays it (npm run dead-letters -- replay) once the outage is over.
function outageFault(): void {
  if (faultFires('notifier-outage')) throw new LabFaultError('notifier-outage', 'e-mail provider unreachable');
}
