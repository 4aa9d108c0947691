import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { redactAttributes, redactText } from './redaction.js';

// The one place sensitive data is taken out of spans, whoever put it there: an instrumentation, the
// baggage span processor, an exception message. It runs as each span ends, while the span can still
// be changed, and before the batch processor hands it to the exporter.
export class RedactionSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _parentContext: Context): void {}

  onEnding(span: Span): void {
    span.setAttributes(redactAttributes(span.attributes));
    for (const event of span.events) {
      if (event.attributes) Object.assign(event.attributes, redactAttributes(event.attributes));
    }
    if (span.status.message) span.setStatus({ ...span.status, message: redactText(span.status.message) });
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
