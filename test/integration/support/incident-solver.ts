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

type Reading = (trees: TraceTree[]) => Diagnosis | undefined;

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
  const connects = (spans: TreeSpan[]) => spans.filter((s) => s.operation === 'pg-pool.connect').reduce((sum, s) => sum + s.durationUs / 1000, 0);
  return (tree) => {
    const found = symptom(tree);
    if (!found) return undefined;
    const ownMs = found.span.durationUs / 1000 - connects(found.span.children);
    return ownMs > connects(tree.spans) - connects(found.span.children) ? found : undefined;
  };
}
const insertSlowByItself = byItself(symptoms.slowInsert);
const updateSlowByItself = byItself(symptoms.slowStockUpdate);

// A consumer continuing its producer's trace: the messages whose wait in the queue shows. One that
// waited can be a consumer restarting; a slow one makes most of them wait, more and more.
const consumesAnEvent = (tree: TraceTree) => tree.spans.some((s) => s.kind === 'consumer' && s.parentId !== undefined && tree.byId.get(s.parentId)?.kind === 'producer');
const insertsOrders = (tree: TraceTree) => tree.spans.some((s) => s.operation.startsWith('pg.query:INSERT') && /\borders\b/.test(String(s.attributes['db.query.text'] ?? '')));
const updatesStock = (tree: TraceTree) => tree.spans.some((s) => s.operation.startsWith('pg.query:UPDATE') && /\bproducts\b/.test(String(s.attributes['db.query.text'] ?? '')));
const readsNotifications = (tree: TraceTree) => tree.spans.some((s) => s.operation.startsWith('pg.query:SELECT') && /\bnotifications\b/.test(String(s.attributes['db.query.text'] ?? '')));

const at = (cause: Cause) => (_tree: TraceTree, { span }: symptoms.Finding) => ({ service: span.service, operation: span.operation, cause });

// The consumer's span name, from a trace that has it.
function consumerOperation(trees: TraceTree[]): string {
  return trees.flatMap((t) => t.spans).find((s) => s.service === 'notifier' && s.kind === 'consumer')?.operation ?? 'unknown';
}

// Slow stock updates for one product while the others are fast is a hot key; for all products alike,
// a lock held elsewhere.
const slowUpdates: Reading = (trees) => {
  const slow = trees.flatMap((tree) => {
    const finding = updateSlowByItself(tree);
    return finding ? [{ tree, finding, product: symptoms.productOf(tree, finding.span) }] : [];
  });
  // One slow update can be a busy moment; a fault makes many.
  const first = slow[0];
  if (!first || slow.length < 3) return undefined;
  const products = new Set(slow.map((s) => s.product));
  const cause: Cause = products.size === 1 ? 'hot-key' : 'lock-wait';
  // A busy machine slows a few updates of any product; a lock held now and then (800 ms of every 2 s
  // in the lab's incident), a good share of them.
  if (cause === 'lock-wait' && slow.length * 10 < trees.filter(updatesStock).length) return undefined;
  return { service: first.finding.span.service, operation: first.finding.span.operation, cause, traceId: first.tree.traceId };
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
  most(symptoms.waitedInQueue, consumesAnEvent, at('slow-consumer')),
  (trees) => {
    const found = each(symptoms.consumerMissing(), () => ({ service: 'notifier', operation: '', cause: 'unsampled-parent' }))(trees);
    return found && { ...found, operation: consumerOperation(trees) };
  },
  each(symptoms.callerGaveUp, at('caller-timeout')),
  each(symptoms.repeatedFailingCall, at('retry-storm')),
  each(symptoms.callPerItem, at('n-plus-one')),
  each(symptoms.waitsForConnection, at('pool-exhaustion')),
];

export function diagnose(trees: TraceTree[]): Diagnosis | undefined {
  for (const reading of READINGS) {
    const found = reading(trees);
    if (found) return found;
  }
  return undefined;
}
