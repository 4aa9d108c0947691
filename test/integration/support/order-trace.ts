import { rootsOf, type TraceSpan } from './jaeger.js';

// An order's trace is whole once every service has exported its part: each service flushes its own
// batch on its own timer, so the last span to be stored (the database's record of the notification)
// can arrive before spans that ended earlier elsewhere, such as the notifier's send.
const EXPECTED: [service: string, kind: string, operation?: string][] = [
  ['frontend', 'server'],
  ['frontend', 'client'],
  ['backend', 'server'],
  ['backend', 'client'],
  ['backend', 'producer'],
  ['database', 'server', 'POST /db/orders'],
  ['notifier', 'consumer'],
  ['notifier', 'client', 'notification.send'],
  ['database', 'server', 'POST /db/notifications'],
];

export function wholeOrderTrace(spans: TraceSpan[]): boolean {
  const present = EXPECTED.every(([service, kind, operation]) =>
    spans.some((s) => s.service === service && s.kind === kind && (!operation || s.operation === operation)),
  );
  return present && rootsOf(spans).length === 1;
}
