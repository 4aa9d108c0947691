import { z } from 'zod';

// The messaging contract between the Tracing API (publisher of alert transitions) and the notifier
// (consumer, which delivers them). One routing key per transition, so a consumer can bind to either.
export const ALERT_EVENTS = {
  exchange: 'alerts',
  routingKey: { firing: 'alert.firing', resolved: 'alert.resolved' },
  notifierQueue: 'notifier.alerts',
  notifierBinding: 'alert.*',
  notifierDeadLetterQueue: 'notifier.alerts.dead-letter',
} as const;

// error_rate: the share of the service's server spans with an error status, 0 to 1.
// p95_ms: the 95th percentile of their durations, in ms.
export type AlertMetric = 'error_rate' | 'p95_ms';

export type AlertTransition = keyof typeof ALERT_EVENTS.routingKey;

export interface AlertEvent {
  rule: string;
  service: string;
  metric: AlertMetric;
  threshold: number;
  // The sliding window as the rule file writes it, e.g. `60s`.
  window: string;
  state: AlertTransition;
  // ISO time of the transition.
  at: string;
  // The metric over the window; null when the window held fewer spans than the rule's minimum.
  value: number | null;
  samples: number;
  // A few traces behind the value (failed or slowest requests), to open in Jaeger.
  exampleTraceIds: string[];
}

// The AlertEvent contract, checked: a message that does not fit can never be delivered, and is
// dead-lettered instead of retried.
export const alertEventMessage: z.ZodType<AlertEvent> = z.object({
  rule: z.string().min(1),
  service: z.string().min(1),
  metric: z.enum(['error_rate', 'p95_ms']),
  threshold: z.number(),
  window: z.string(),
  state: z.enum(['firing', 'resolved']),
  at: z.string(),
  value: z.number().nullable(),
  samples: z.number(),
  exampleTraceIds: z.array(z.string()),
});
