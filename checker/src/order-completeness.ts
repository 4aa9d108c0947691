import type { Span } from '@tracing-lab/trace-analysis';
import { ORDER_TRACE } from './expectations.js';
import { describeExpected, missingSpans } from './expected-spans.js';
import { spansMissingTheirParent } from './trace-shape.js';

// Whether a `POST /api/orders` trace is whole, one line per gap: the checker's completeness audit and
// `npm run bench` judge a trace by the same table (ORDER_TRACE), so "complete" means one thing.
// Empty when every expected span is there, in its place, and no span waits for a parent that never
// came (which catches a span lost anywhere in the middle, whatever its name).
export function missingFromOrderTrace(spans: Span[]): string[] {
  if (spans.length === 0) return ['not in Jaeger'];
  const missing = missingSpans(spans, ORDER_TRACE).map((expected) => `span ${describeExpected(expected)}`);
  const orphans = spansMissingTheirParent(spans).length;
  if (orphans) missing.push(`the parent of ${orphans} span(s)`);
  return missing;
}
