import type { Span } from '@tracing-lab/trace-analysis';
import { ERROR_TAGS } from './expectations.js';

// What a span shows of an error, the OpenTelemetry way: ERROR status, an `exception` event with the
// exception's type and message, and `error.type` to search by.

export interface ErrorEvidence {
  span: Span;
  status: boolean;
  exception: { type: unknown; message: unknown } | undefined;
  errorType: unknown;
}

export function errorEvidence(span: Span): ErrorEvidence {
  const event = span.events.find((e) => e.name === ERROR_TAGS.exceptionEvent);
  return {
    span,
    status: span.tags[ERROR_TAGS.status] === ERROR_TAGS.statusValue,
    exception: event ? { type: event.fields['exception.type'], message: event.fields['exception.message'] } : undefined,
    errorType: span.tags[ERROR_TAGS.errorType],
  };
}

export function isFullyRecorded(evidence: ErrorEvidence): boolean {
  return evidence.status && evidence.exception !== undefined && evidence.errorType !== undefined;
}

// The service's span that shows the error best: all three marks first, then the most marks, server
// spans before others (the span a learner opens first).
export function bestErrorSpan(spans: Span[], service: string): ErrorEvidence | undefined {
  const score = (e: ErrorEvidence): number =>
    (e.status ? 4 : 0) + (e.exception ? 4 : 0) + (e.errorType !== undefined ? 4 : 0) + (e.span.kind === 'server' ? 1 : 0);
  return spans
    .filter((s) => s.service === service)
    .map(errorEvidence)
    .sort((a, b) => score(b) - score(a))[0];
}
