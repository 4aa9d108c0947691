// The troubleshooting knowledge: for each thing the checker can see go wrong, the likely bug and the
// fix, in the words a learner needs. Tasks pick the hint that matches what they found. Each hint's
// key is its stable id: --json reports it, the exercises' proofs expect it, and
// docs/troubleshooting.md has a row for each.

const START = (service: string): string => `npm run stack:up ${service} (natively) or docker compose up -d ${service}`;

const HINT_TEXTS = {
  serviceDown: (service: string, url: string, error: string): string =>
    `the ${service} is not running: GET ${url} failed (${error}). Start it: ${START(service)}; its log is .stack/logs/${service}.log`,

  serviceUnhealthy: (service: string, url: string, status: string): string =>
    `the ${service} answers ${url} with ${status}: look at its log (.stack/logs/${service}.log)`,

  dependencyDown: (dependency: string, reporters: string[]): string =>
    `${dependency} is down (${reporters.join(' and ')} ${reporters.length > 1 ? 'report' : 'reports'} it): start it with npm run stack:up or docker compose up -d; the services reconnect by themselves`,

  dependencyUnknown: (dependency: string, reporters: string[]): string =>
    `nothing could tell whether ${dependency} is up: ${reporters.join(' and ')} did not answer /health`,

  sdkDisabled: (service: string): string =>
    `tracing is switched off in the ${service}: OTEL_SDK_DISABLED=true is set. Remove it from the ${service}'s environment (docker-compose.yml) and restart it`,

  serviceNameNotSet: (service: string): string =>
    `the ${service} reports 'unknown_service:node', the SDK's fallback: OTEL_SERVICE_NAME is not set. Set OTEL_SERVICE_NAME=${service} in its environment`,

  serviceNameWrong: (service: string, actual: string): string =>
    `the service on the ${service}'s port calls itself '${actual}': set OTEL_SERVICE_NAME=${service}`,

  unknownServiceInJaeger: (): string =>
    `Jaeger lists 'unknown_service:node': some process exports spans without OTEL_SERVICE_NAME set`,

  endpointNotUrl: (service: string, endpoint: string): string =>
    `the ${service}'s exporter endpoint '${endpoint}' is not a URL: set OTEL_EXPORTER_OTLP_ENDPOINT to http://jaeger:4318 (Compose) or http://127.0.0.1:4318 (natively)`,

  endpointDoubled: (service: string, endpoint: string): string =>
    `the ${service} exports to ${endpoint}: the path is doubled, so Jaeger answers 404 to every export. ` +
    `OTEL_EXPORTER_OTLP_ENDPOINT is the base URL (http://jaeger:4318) and the SDK appends /v1/traces; ` +
    `only OTEL_EXPORTER_OTLP_TRACES_ENDPOINT takes the full URL`,

  endpointWithoutPath: (service: string, endpoint: string): string =>
    `the ${service} exports to ${endpoint}, but Jaeger's OTLP/HTTP receiver listens on /v1/traces: ` +
    `give OTEL_EXPORTER_OTLP_TRACES_ENDPOINT the full URL, or set OTEL_EXPORTER_OTLP_ENDPOINT to the base instead`,

  endpointGrpcPort: (service: string, endpoint: string): string =>
    `the ${service} exports OTLP/HTTP to ${endpoint}, Jaeger's OTLP/gRPC port: use port 4318`,

  noSpansFrom: (service: string): string =>
    `no spans from the ${service} reach Jaeger, though /health says tracing is on (it reads the variables only): does the ` +
    `preloaded bootstrap (shared-tracing/src/register.ts) start the SDK? Then check its OTEL_EXPORTER_OTLP_ENDPOINT ` +
    `(http://jaeger:4318 in Compose, http://127.0.0.1:4318 natively) and its log for export errors`,

  resourceAttributesMissing: (service: string, missing: string[]): string =>
    `the ${service}'s spans carry no ${missing.join(' or ')}: its SDK did not read OTEL_RESOURCE_ATTRIBUTES. ` +
    `Keep the SDK's resource detectors on (the env detector reads that variable), and add to the resource rather than replace it`,

  expressNotInstrumented: (service: string): string =>
    `the ${service} has HTTP spans but no Express spans: the SDK started after express was loaded, so its ` +
    `instrumentation never patched it. Preload it: node --import @tracing-lab/shared-tracing/register …, never import it from the app`,

  requestFailed: (what: string, error: string): string =>
    `the frontend did not answer ${what} (${error}): see task 2`,

  noTraceResponse: (url: string): string =>
    `${url} answered without a traceresponse header, so the frontend is not tracing: see task 1`,

  traceNeverArrived: (traceId: string, seconds: number): string =>
    `trace ${traceId} did not reach Jaeger within ${seconds}s: the frontend's spans are not exported (see tasks 1 and 3)`,

  propagationBroken: (parent: string, child: string, orphanTraceId: string, messaging: boolean): string =>
    `two traces where one was expected: the ${child}'s spans started trace ${orphanTraceId} of their own, so the trace context ` +
    `did not cross ${parent} → ${child}. ` +
    (messaging
      ? `The traceparent must travel in the AMQP message headers: publish and consume through shared-tracing's messaging helper, which injects and extracts it`
      : `The traceparent header must go out with the call: make it with the instrumented HTTP client (shared-tracing's createHttpClient) and do not replace its headers`),

  hopMissing: (parent: string, child: string): string =>
    `no ${child} spans in the trace and none of their own either: is the ${child} tracing (task 1), and does the ${parent} call it (task 2)?`,

  wrongKinds: (expected: string, found: string[]): string =>
    `found ${found.join(', ')} where ${expected} was expected: a call between services needs a CLIENT (or PRODUCER) span ` +
    `on the caller and a SERVER (or CONSUMER) span on the callee — make it through the instrumented client`,

  parentNeverExported: (warnings: string[], culprits: string[]): string =>
    `Jaeger warns "invalid parent span": ${warnings[0] ?? 'a span names a parent the trace does not have'}. ` +
    `A service passed the trace context on without exporting its own span` +
    (culprits.length ? `, likely the ${culprits.join(' or the ')} (see tasks 1 and 3)` : ''),

  notifierNotRunning: (url: string, error: string): string =>
    `the notifier is not running: GET ${url} failed (${error}), so nothing consumes order.created. Start it: ${START('notifier')}`,

  notifierNotConnected: (): string =>
    `the notifier is running but reports RabbitMQ down: start RabbitMQ (npm run stack:up rabbitmq or docker compose up -d rabbitmq)`,

  noPublishSpan: (): string =>
    `the database service's publish to RabbitMQ has no PRODUCER span: the amqplib instrumentation is off, or the outbox ` +
    `relay sends the message without shared-tracing's messaging helper`,

  sweptOrderNotPublished: (seconds: number): string =>
    `the order left to the outbox relay's sweep (lab.scenario=outbox-backlog) did not reach the notifier in its own trace within ${seconds}s: ` +
    `the sweep publishes such an event 5 to 6 s after the order, inside the trace context stored with it ` +
    `(resumeTraceContext in services/database/src/outbox-relay.ts). Is the relay sweeping, and is RabbitMQ up?`,

  batchSpanMissing: (): string =>
    `the outbox relay's sweep published the order but made no outbox.batch span: a sweep that publishes makes one span ` +
    `for its batch, in a trace of its own, linked to each event's trace (withLinkedSpan); a sweep that finds nothing makes none`,

  batchSpanInEventTrace: (traceId: string): string =>
    `the outbox.batch span is a child in trace ${traceId}, an order's trace: a batch belongs to none of its events, and as a ` +
    `child of one it files the whole batch under that order. Start it outside any event's context and link it to each ` +
    `event's stored trace context (withLinkedSpan)`,

  batchLinkMissing: (): string =>
    `the outbox.batch span starts a trace of its own but has no link to the order it published: give it a link to each ` +
    `event's stored trace context (linksTo, or withLinkedSpan)`,

  batchPublishAdopted: (batch: string): string =>
    `the order's publish is a child of ${batch}, so the order's trace lost its message and the notifier's work: publish ` +
    `each event inside its own stored trace context (resumeTraceContext) and only link the batch span to it`,

  notifierSilent: (): string =>
    `the notifier is up but its processing span never reached Jaeger: look at .stack/logs/notifier.log — is the queue ` +
    `notifier.order-created bound to the exchange orders, and is the notifier tracing (task 1)?`,

  notifierCallDetached: (edge: string): string =>
    `no ${edge} under the notifier's processing span: the notifier must call the database service with the instrumented ` +
    `HTTP client, inside the consumer span's context (not from a callback that lost it)`,

  customSpanMissing: (span: string, service: string, where: string): string =>
    `no "${span}" span in the ${service}: wrap that step in ${where} in a span of its own (shared-tracing's withSpan, or ` +
    `tracer.startActiveSpan), inside the request's context so it joins the trace`,

  attributeMissing: (span: string, keys: string[], where: string): string =>
    `the "${span}" span lacks ${keys.join(', ')}: set ${keys.length > 1 ? 'them' : 'it'} in ${where} with span.setAttribute(key, value)`,

  faultNotHonoured: (baggage: string, status: number): string =>
    `the request with baggage ${baggage} answered ${status}: the backend did not fail as asked. The backend-error scenario ` +
    `is not implemented yet, or the baggage does not reach the backend (see task 4)`,

  errorStatusMissing: (span: string): string =>
    `${span} failed but is not marked: set its status with span.setStatus({ code: SpanStatusCode.ERROR, message }) ` +
    `(shared-tracing's recordSpanError does all three marks)`,

  exceptionMissing: (span: string): string =>
    `${span} has no exception event: call span.recordException(error) where the error is handled`,

  errorTypeMissing: (span: string): string =>
    `${span} has no error.type attribute, the tag errors are searched by: span.setAttribute('error.type', error.name)`,

  clientErrorMarked: (span: string, status: number): string =>
    `${span} answered ${status}, the caller's mistake, yet it is marked ERROR: on a SERVER span only a 5xx is the ` +
    `server's error (the HTTP semantic conventions). Mark the server span in the error middleware for statuses of 500 and above only`,

  requestsFailed: (failed: number, statuses: string): string =>
    `${failed} of the checker's orders failed (${statuses}): see task 2 and the services' logs`,

  spanKindWrong: (span: string, expected: string, found: string, where: string): string =>
    `"${span}" is a ${found.toUpperCase()} span, expected ${expected.toUpperCase()}: give it the kind SpanKind.${expected.toUpperCase()} where it is started in ${where}`,

  serviceAbsentFromTrace: (service: string): string => `no ${service} spans in the order's trace at all: see tasks 2 to 5`,

  spanNameUnbounded: (span: string, value: string): string =>
    `the span name "${span}" carries a per-request value (${value}): span names are what Jaeger groups and searches by, ` +
    `so each must come from a small fixed set. Keep the name fixed and put the value in an attribute`,

  baggageLeaked: (key: string, service: string): string =>
    `the ${service} copied the baggage entry '${key}' onto its spans: baggage is set by whoever calls you, and may carry ` +
    `personal data. Copy only allow-listed keys (the lab.* ones) in the BaggageSpanProcessor's key predicate`,

  baggageNotCopied: (key: string, service: string): string =>
    `the ${service}'s spans lack the attribute '${key}' from the request's baggage: the BaggageSpanProcessor must copy ` +
    `the allow-listed lab.* keys onto every span`,

  samplerIgnoresParent: (service: string): string =>
    `the ${service} recorded spans for a request whose caller had decided not to sample it (traceparent flags 00): its sampler ` +
    `decides on its own (always_on, or traceidratio without parentbased_), so traces come out torn — part of a request kept, ` +
    `part dropped. Decide once at the root and follow the parent everywhere else: a ParentBasedSampler ` +
    `(OTEL_TRACES_SAMPLER=parentbased_always_on or parentbased_traceidratio)`,

  frontendIgnoresParent: (): string =>
    `the frontend answered a request whose traceparent said "not sampled" with a traceresponse saying sampled: it overrode its ` +
    `caller's decision. Use a ParentBasedSampler, so a sampled flag that comes in is honoured`,

  tailSamplingKeptNothing: (seconds: number): string =>
    `none of the checker's traces reached Jaeger within ${seconds}s. The tail_sampling processor holds each trace for ` +
    `decision_wait before it decides (30 s when not set): keep it shorter than the checker's --timeout. Is tail_sampling ` +
    `in the traces pipeline's processors, and did Jaeger start with your file (.stack/logs/jaeger.log)?`,

  errorsNotKept: (dropped: number, sent: number): string =>
    `${dropped} of ${sent} failed orders (lab.scenario=backend-error, status ERROR) are not in Jaeger: no policy keeps status ERROR. ` +
    `Add a status_code policy with status_codes: [ERROR]; policies are ORed, so it keeps them whatever the others decide`,

  slowNotKept: (dropped: number, sent: number): string =>
    `${dropped} of ${sent} orders whose trace lasts over 2 s (lab.scenario=slow-notifier: the notifier's send takes 2 s after ` +
    `the order's answer) are not in Jaeger: no latency policy keeps them. Add a latency policy with threshold_ms: 1000, and keep ` +
    `decision_wait longer than such a trace: a decision made before its last span arrives sees a fast trace`,

  noProbabilisticPolicy: (kept: number, sent: number): string =>
    kept === sent
      ? `all ${sent} ordinary requests are in Jaeger: a policy keeps every trace (always_sample, or a threshold every trace meets), ` +
        `so nothing is sampled away. Drop it, and keep the rest with a probabilistic policy (sampling_percentage: 10)`
      : `none of the ${sent} ordinary requests is in Jaeger: no policy keeps a share of the rest. Add a probabilistic policy with sampling_percentage: 10`,

  keptShareWrong: (kept: number, sent: number, low: number, high: number): string =>
    `${kept} of ${sent} ordinary requests are in Jaeger, where keeping 10% keeps ${low} to ${high} (all but once in 10,000 runs): ` +
    `the probabilistic policy's sampling_percentage is a percentage (10 for 10%), and no other policy may keep ordinary traces`,

  keptTraceTorn: (count: number): string =>
    `${count} kept trace(s) lack spans: tail sampling must keep or drop a trace whole. A span that arrives after its trace's ` +
    `decision follows it only while the trace is still held (num_traces) or remembered (decision_cache); otherwise it is ` +
    `decided on its own. Keep decision_wait longer than a trace, and num_traces above the traces that arrive in decision_wait`,

  clientSpanMissing: (service: string, callee: string): string =>
    `every order's trace lacks the ${service}'s CLIENT span for its call to the ${callee}: the call is made without one, so ` +
    `the ${callee}'s spans hang straight under whatever span was active. Make each outgoing call a CLIENT span and send ` +
    `that span's context with it (the instrumented HTTP client does both)`,

  spansNeverSampled: (service: string, count: number): string =>
    `${count} trace(s) lack the ${service}'s spans, yet its /health reports no span dropped before export: they were never ` +
    `recorded. A sampler that decides on its own instead of following its caller (OTEL_TRACES_SAMPLER=traceidratio or always_off ` +
    `without parentbased_) drops them; so does code that never makes them`,

  logsNotFound: (service: string, file: string): string =>
    `no log of the ${service} at ${file}, nor from a container of it: the native stack writes each service's output there ` +
    `(npm run stack:up), Compose to the container engine (docker compose logs ${service}; the checker asks the engine at ` +
    `DOCKER_HOST). Point the checker at another folder with --logs <dir>`,

  logsWithoutTraceId: (service: string): string =>
    `the ${service}'s log lines of the checker's order carry no trace_id, so nothing leads from them to the trace: stamp ` +
    `every line with the active span's ids — the pino instrumentation does it (shared-tracing/src/instrumentations.ts) for ` +
    `a pino loaded after the SDK started, so nothing may import the logger before sdk.start(); or a pino mixin that reads ` +
    `trace.getActiveSpan()?.spanContext()`,

  logSpanIdMissing: (service: string): string =>
    `the ${service}'s log lines carry the trace id but no span_id: the trace id finds the request, the span id finds the ` +
    `step within it that wrote the line. Log spanContext().spanId as span_id next to trace_id`,

  logIdsNotTheTrace: (service: string, found: string): string =>
    `the ${service}'s log lines of the checker's order carry ids that are not its trace's (${found}): they come from ` +
    `somewhere other than the span active when the line is written (a fresh id, or a context captured elsewhere). Read them ` +
    `from trace.getActiveSpan()?.spanContext() at the moment each line is written`,

  spansLost: (service: string, count: number): string =>
    `${count} trace(s) lost spans of the ${service}: spans dropped before export — a full batch queue ` +
    `(OTEL_BSP_MAX_QUEUE_SIZE), an exporter failing now and then, or a restart that did not flush (see the ${service}'s log)`,
};

// A hint as the checker reports it: the id a program or a proof matches on, the text a learner reads.
export type HintId = keyof typeof HINT_TEXTS;
export interface Hint {
  id: HintId;
  text: string;
}

type HintMakers = { [Id in HintId]: (...args: Parameters<(typeof HINT_TEXTS)[Id]>) => Hint };

export const hints = Object.fromEntries(
  Object.entries(HINT_TEXTS).map(([id, text]) => [id, (...args: unknown[]) => ({ id, text: (text as (...a: unknown[]) => string)(...args) })]),
) as HintMakers;
