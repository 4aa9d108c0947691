import type { Span } from '@tracing-lab/trace-analysis';
import type { AttributeExpectation } from './expectations.js';

// Whether a custom span carries the attributes expectations.ts asks for.

export interface SentOrder {
  productId: number;
  quantity: number;
  orderId: number | undefined;
}

export interface AttributeCheck {
  key: string;
  ok: boolean;
  expected: string;
  actual: unknown;
}

export function checkAttributes(span: Span, expected: Record<string, AttributeExpectation>, order: SentOrder): AttributeCheck[] {
  return Object.entries(expected).map(([key, expectation]) => {
    const actual = span.tags[key];
    if (expectation === 'number' || expectation === 'string') {
      return { key, ok: typeof actual === expectation, expected: `a ${expectation}`, actual };
    }
    const wanted = 'equals' in expectation ? expectation.equals : order[expectation.fromOrder];
    return { key, ok: wanted !== undefined && actual === wanted, expected: JSON.stringify(wanted), actual };
  });
}

export function describeAttribute(check: AttributeCheck): string {
  const actual = check.actual === undefined ? 'missing' : JSON.stringify(check.actual);
  return check.ok ? `${check.key}=${actual}` : `${check.key} is ${actual}, expected ${check.expected}`;
}
