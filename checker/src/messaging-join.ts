import type { Span } from '@tracing-lab/trace-analysis';

// How a consumer span joins the producer span of the message it processes: as its child (the
// consumer continues the producer's trace) or through a span link (Jaeger: a FOLLOWS_FROM reference),
// the OpenTelemetry messaging conventions' choice for batch consumers. Task 5 accepts both.

export type JoinKind = 'child' | 'link';

export interface MessagingJoin {
  kind: JoinKind;
  producer: Span;
  consumer: Span;
}

export function findMessagingJoin(producers: Span[], consumers: Span[]): MessagingJoin | undefined {
  const joins = consumers.flatMap((consumer) =>
    producers.flatMap((producer): MessagingJoin[] => {
      const refs = consumer.references.filter((ref) => ref.traceId === producer.traceId && ref.spanId === producer.spanId);
      if (refs.some((ref) => ref.type === 'CHILD_OF')) return [{ kind: 'child', producer, consumer }];
      if (refs.length) return [{ kind: 'link', producer, consumer }];
      return [];
    }),
  );
  return joins.find((join) => join.kind === 'child') ?? joins[0];
}
