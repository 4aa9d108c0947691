import * as symptoms from '@tracing-lab/scripts/lab/incidents/symptoms';
import type { Cause } from '@tracing-lab/scripts/lab/incidents/causes';
import { buildTraceTree, fetchJaeger, JaegerClient, type TraceTree, type TreeSpan } from '@tracing-lab/trace-analysis';

// A diagnosis made as a learner makes it, from Jaeger's query API alone (never the incident's state):
// the traces since the incident began, searched for each cause's shape, most telling first. It proves
// each incident can be found from the traces.

export interface Diagnosis {
  service: string;
  operation: string;
  cause: Cause;
  traceId: string;
}

const jaeger = new JaegerClient(fetchJaeger('http://127.0.0.1:16686'));
const SERVICES = ['frontend', 'backend', 'database', 'notifier'];

export async function recentTrees(sinceMs: number): Promise<TraceTree[]> {
  const byId = new Map<string, TraceTree>();
  for (const service of SERVICES) {
    for (const raw of await jaeger.search({ service, sinceMs, limit: 400 })) {
      const tree = buildTraceTree(raw);
      if (tree.startUs / 1000 >= sinceMs) byId.set(tree.traceId, tree);
    }
  }
  return [...byId.values()];
}

// A reading names a cause, finds nothing, or says the traces are not all in yet.
const NOT_YET = 'not yet';
type Reading = (trees: TraceTree[]) => Diagnosis | undefined | typeof NOT_YET;

function each(symptom: symptoms.Symptom, name: (tree: TraceTree, finding: symptoms.Finding) => Omit<Diagnosis, 'traceId'>): Reading {
  return (trees) => {
    for (const tree of trees) {
      const finding = symptom(tree);
      if (finding) return { ...name(tree, finding), traceId: tree.traceId };
    }
    return undefined;
  };
}

// A shape most traces that could have it show: a statement slow every time, not in a busy moment.
function most(symptom: symptoms.Symptom, could: (tree: TraceTree) => boolean, name: (tree: TraceTree, finding: symptoms.Finding) => Omit<Diagnosis, 'traceId'>): Reading {
  return (trees) => {
    const candidates = trees.filter(could);
    const showing = candidates.flatMap((tree) => {
      const finding = symptom(tree);
      return finding ? [{ tree, finding }] : [];
    });
    const first = showing[0];
    if (!first || showing.length * 2 < candidates.length) return undefined;
    return { ...name(first.tree, first.finding), traceId: first.tree.traceId };
  };
}

// A slow statement counts when it took longer by itself than its trace spent waiting for database
// connections: with too few connections on a busy machine the statements slow down too, but the wait
// is the larger part.
function byItself(symptom: symptoms.Symptom): symptoms.Symptom {
  const connectsMs = (tree: TraceTree) => tree.spans.filter((s) => s.operation === 'pg-pool.connect').reduce((sum, s) => sum + s.durationUs / 1000, 0);
  return (tree) => {
    const found = symptom(tree);
    return found && found.span.durationUs / 1000 > connectsMs(tree) ? found : undefined;
  };
}
const insertSlowByItself = byItself(symptoms.slowInsert);
const updateSlowByItself = byItself(symptoms.slowStockUpdate);

// A consumer continuing its producer's trace: the messages whose wait in the queue shows. One that
// waited can be a consumer restarting; a slow one makes most of them wait, more and more.
const consumesAnEvent = (tree: TraceTree) => tree.spans.some((s) => s.kind === 'consumer' && s.parentId !== undefined && tree.byId.get(s.parentId)?.kind === 'producer');
const insertsOrders = (tree: TraceTree) => tree.spans.some((s) => s.operation.startsWith('pg.query:INSERT') && /\borders\b/.test(String(s.attributes['db.query.text'] ?? '')));
const readsNotifications = (tree: TraceTree) => tree.spans.some((s) => s.operation.startsWith('pg.query:SELECT') && /\bnotifications\b/.test(String(s.attributes['db.query.text'] ?? '')));

const at = (cause: Cause) => (_tree: TraceTree, { span }: symptoms.Finding) => ({ service: span.service, operation: span.operation, cause });

// The consumer's span name, from a trace that has it.
function consumerOperation(trees: TraceTree[]): string {
  return trees.flatMap((t) => t.spans).find((s) => s.service === 'notifier' && s.kind === 'consumer')?.operation ?? 'unknown';
}

// Slow stock updates for one product while the others are fast is a hot key; for all products alike,
// a lock held elsewhere. A busy machine slows a few updates of any product, so a hot key must slow
// most updates of its product, and a lock (held 800 ms of every 2 s in the lab's incident) a good
// share of all of them.
const isStockUpdate = (span: TreeSpan) => span.operation.startsWith('pg.query:UPDATE') && /\bproducts\b/.test(String(span.attributes['db.query.text'] ?? ''));
const slowUpdates: Reading = (trees) => {
  const updates = trees.flatMap((tree) => {
    const span = tree.spans.find(isStockUpdate);
    return span ? [{ tree, product: symptoms.productOf(tree, span), finding: updateSlowByItself(tree) }] : [];
  });
  const slow = updates.filter((u) => u.finding);
  const first = slow[0];
  if (!first?.finding || slow.length < 3) return undefined;
  const named = (cause: Cause) => ({ service: first.finding!.span.service, operation: first.finding!.span.operation, cause, traceId: first.tree.traceId });
  const products = new Set(slow.map((u) => u.product));
  if (products.size === 1) {
    const ofProduct = updates.filter((u) => u.product === first.product);
    return slow.length * 2 >= ofProduct.length ? named('hot-key') : undefined;
  }
  return slow.length * 10 >= updates.length ? named('lock-wait') : undefined;
};

// A slow consumer falls further and further behind: the message it took last waited too. One that
// stalled for a moment (a restart, a slow name lookup) made the messages of that moment wait, then
// caught up.
const fallsBehind: Reading = (trees) => {
  const found = most(symptoms.waitedInQueue, consumesAnEvent, at('slow-consumer'))(trees);
  if (!found || found === NOT_YET) return found;
  const consumerStart = (tree: TraceTree) => Math.max(...tree.spans.filter((s) => s.kind === 'consumer').map((s) => s.startUs));
  const last = trees.filter(consumesAnEvent).reduce((a, b) => (consumerStart(b) > consumerStart(a) ? b : a));
  return symptoms.waitedInQueue(last) ? found : undefined;
};

// An order event published too recently to tell a consumer that records nothing from a message still
// in the queue: until each one is old enough, a cause named from the other traces could be overturned
// by it, so the reading waits.
const CONSUMER_WAIT_MS = 8_000;
const consumerMissing = symptoms.consumerMissing(CONSUMER_WAIT_MS);
const awaitsConsumer = (tree: TraceTree, now: number) => {
  const publish = tree.spans.find((s) => s.kind === 'producer');
  return !!publish && now - publish.endUs / 1000 < CONSUMER_WAIT_MS && !tree.spans.some((s) => s.service === 'notifier');
};
const unsampledConsumer: Reading = (trees) => {
  const now = Date.now();
  if (trees.some((tree) => awaitsConsumer(tree, now))) return NOT_YET;
  const found = each(consumerMissing, () => ({ service: 'notifier', operation: '', cause: 'unsampled-parent' }))(trees);
  return found && found !== NOT_YET ? { ...found, operation: consumerOperation(trees) } : undefined;
};

// Most telling first: a shape that only its cause makes comes before one that others make too. Slow
// SQL holds connections and slows the consumer's own database calls, so the statements come before a
// growing queue, and a wait for a connection comes last.
const READINGS: Reading[] = [
  each(symptoms.startsAtDatabase, at('dropped-context')),
  most(symptoms.scansNotifications, readsNotifications, at('sequential-scan')),
  each(symptoms.failedInsert, at('intermittent-error')),
  most(insertSlowByItself, insertsOrders, at('slow-statement')),
  slowUpdates,
  fallsBehind,
  unsampledConsumer,
  each(symptoms.callerGaveUp, at('caller-timeout')),
  each(symptoms.repeatedFailingCall, at('retry-storm')),
  each(symptoms.callPerItem, at('n-plus-one')),
  each(symptoms.waitsForConnection, at('pool-exhaustion')),
];

// The first cause a reading names, or nothing while the traces that could decide it are still coming.
export function diagnose(trees: TraceTree[]): Diagnosis | undefined {
  for (const reading of READINGS) {
    const found = reading(trees);
    if (found === NOT_YET) return undefined;
    if (found) return found;
  }
  return undefined;
}
