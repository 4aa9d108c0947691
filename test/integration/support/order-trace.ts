import { missingFromOrderTrace } from '@tracing-lab/checker/order-completeness';
import type { Span } from '@tracing-lab/trace-analysis';

// An order's trace is whole once every service has exported its part: each service flushes its own
// batch on its own timer, so the last span to be stored (the database's record of the notification)
// can arrive before spans that ended earlier elsewhere, such as the notifier's send. Whole means what
// it means to the checker: every span of its ORDER_TRACE table, each in its place, and no span
// waiting for a parent that never came.
export function wholeOrderTrace(spans: Span[]): boolean {
  return missingFromOrderTrace(spans).length === 0;
}
