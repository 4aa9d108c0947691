import type { AlertEvent } from '@tracing-lab/contracts';
import type { AlertMeasurement } from './alert-metric.js';
import type { AlertRule } from './alert-rules.js';

// The state of one rule, from one measurement to the next:
//
//   inactive ──over──► firing ──not over──► resolved ──over──► firing …
//
// "Over" is the value strictly above the threshold. A window with fewer spans than the rule's
// minSamples has no value and is not over: a firing alert resolves once its traffic stops, as an
// alert on a query that returns nothing does in Prometheus. Each transition is an AlertEvent.

export type AlertStateName = 'inactive' | 'firing' | 'resolved';

export interface AlertStatus {
  state: AlertStateName;
  // ISO times of the last start of firing and the last resolution, null before the first.
  firedAt: string | null;
  resolvedAt: string | null;
  // The last measurement, and when it was taken.
  value: number | null;
  samples: number;
  exampleTraceIds: string[];
  evaluatedAt: string | null;
}

export const INITIAL_STATUS: AlertStatus = {
  state: 'inactive',
  firedAt: null,
  resolvedAt: null,
  value: null,
  samples: 0,
  exampleTraceIds: [],
  evaluatedAt: null,
};

export function nextStatus(
  rule: AlertRule,
  current: AlertStatus,
  measured: AlertMeasurement,
  now: Date,
): { status: AlertStatus; transition: AlertEvent | undefined } {
  const at = now.toISOString();
  const over = measured.value !== null && measured.value > rule.threshold;
  const firing = current.state === 'firing';
  const status: AlertStatus = { ...current, value: measured.value, samples: measured.samples, exampleTraceIds: measured.exampleTraceIds, evaluatedAt: at };
  if (over === firing) return { status, transition: undefined };
  const state = over ? 'firing' : 'resolved';
  const transition: AlertEvent = {
    rule: rule.name,
    service: rule.service,
    metric: rule.metric,
    threshold: rule.threshold,
    window: rule.window,
    state,
    at,
    value: measured.value,
    samples: measured.samples,
    exampleTraceIds: measured.exampleTraceIds,
  };
  return { status: { ...status, state, ...(over ? { firedAt: at } : { resolvedAt: at }) }, transition };
}
