import type { TraceTree, TreeSpan } from './trace-tree.js';

// The critical path: the pieces of spans that the request's end-to-end latency actually waited on.
// Computed as Jaeger's UI computes the one it draws (jaeger-ui, TracePage/CriticalPath), so the
// answer here and the line in the UI agree:
//  1. Per root span, only its blocking subtree counts: a FOLLOWS_FROM child and its descendants are
//     dropped, and every child is clipped to its (clipped) parent's time range; a child entirely
//     outside it is dropped with its subtree. So asynchronous work that outlives the request, like the
//     notifier consuming `order.created`, is off the path.
//  2. From the root's end, walk back in time: the span is on the path from the end of its last
//     finishing child (LFC) up to now; descend into that child and repeat. A span without a child
//     ending before "now" is on the path down to its own start; then return to its parent, with
//     "now" moved to that span's start, and look for the parent's child that finished before it.
// One difference: a start on a whole millisecond (how OpenTelemetry JS records starts) may be up to
// a millisecond early, so a sibling that ends less than that after it still counts as finished
// before it; otherwise a slow query followed at once by the next one falls off the path.
export interface CriticalPathSection {
  span: TreeSpan;
  startUs: number;
  endUs: number;
}

interface Clipped {
  span: TreeSpan;
  startUs: number;
  endUs: number;
  parent: Clipped | undefined;
  // Latest end first, the order in which the walk looks for a last finishing child.
  children: Clipped[];
  // How far the walk has consumed `children`: the returning "now" only moves back in time, so each
  // child list is scanned once in all.
  nextChild: number;
}

// Sections in chronological order; together they cover each root span's duration exactly.
export function criticalPath(tree: TraceTree): CriticalPathSection[] {
  const sections: CriticalPathSection[] = [];
  for (const root of tree.roots) sections.push(...walkBack(clipSubtree(root)).reverse());
  return sections.sort((a, b) => a.startUs - b.startUs);
}

function clipSubtree(root: TreeSpan): Clipped {
  const top: Clipped = { span: root, startUs: root.startUs, endUs: root.endUs, parent: undefined, children: [], nextChild: 0 };
  const queue = [top];
  for (let i = 0; i < queue.length; i++) {
    const parent = queue[i] as Clipped;
    for (const child of parent.span.children) {
      if (child.parentRefType === 'FOLLOWS_FROM') continue;
      const range = clipToParent(child, parent);
      if (!range) continue;
      const clipped: Clipped = { span: child, ...range, parent, children: [], nextChild: 0 };
      parent.children.push(clipped);
      queue.push(clipped);
    }
    parent.children.sort((a, b) => b.endUs - a.endUs);
  }
  return top;
}

function clipToParent(child: TreeSpan, parent: Clipped): { startUs: number; endUs: number } | undefined {
  if (child.startUs >= parent.startUs) {
    if (child.startUs >= parent.endUs) return undefined;
    return { startUs: child.startUs, endUs: Math.min(child.endUs, parent.endUs) };
  }
  if (child.endUs <= parent.startUs) return undefined;
  return { startUs: parent.startUs, endUs: Math.min(child.endUs, parent.endUs) };
}

// Sections from the root's end backwards, iteratively: a deep trace would overflow the stack. `now`
// is how far back the path is covered; a child entered is never taken again on the way back.
function walkBack(root: Clipped): CriticalPathSection[] {
  const sections: CriticalPathSection[] = [];
  let current: Clipped | undefined = root;
  let now = root.endUs;
  let entered = true;
  while (current) {
    const lastFinishing = nextLastFinishingChild(current, entered ? undefined : now);
    if (lastFinishing) {
      // A child that ends within the clock's slack after `now` ends, for the path, at `now`.
      const childEnd = Math.min(lastFinishing.endUs, now);
      if (childEnd < now) sections.push({ span: current.span, startUs: childEnd, endUs: now });
      current.nextChild += 1;
      current = lastFinishing;
      now = childEnd;
      entered = true;
    } else {
      if (current.startUs < now) sections.push({ span: current.span, startUs: current.startUs, endUs: now });
      now = Math.min(now, current.startUs);
      current = current.parent;
      entered = false;
    }
  }
  return sections;
}

// OpenTelemetry JS records a span's start to the whole millisecond (from the wall clock) and its
// duration to the microsecond, so a span can seem to end up to a millisecond after the next one,
// which started after it, began. A start on a whole millisecond gets that slack.
const START_CLOCK_SLACK_US = 1000;

function finishesBefore(child: Clipped, before: number): boolean {
  if (child.endUs < before) return true;
  return before % START_CLOCK_SLACK_US === 0 && child.startUs < before && child.endUs - before < START_CLOCK_SLACK_US;
}

function nextLastFinishingChild(span: Clipped, before: number | undefined): Clipped | undefined {
  if (before === undefined) return span.children[span.nextChild];
  while (span.nextChild < span.children.length && !finishesBefore(span.children[span.nextChild] as Clipped, before)) span.nextChild++;
  return span.children[span.nextChild];
}

// Each span on the path once, with the time the path spent in it, in the order a waterfall shows
// them: by start time, a parent before a child that starts with it.
export function criticalPathSpans(sections: CriticalPathSection[]): { span: TreeSpan; onPathUs: number }[] {
  const bySpan = new Map<TreeSpan, number>();
  for (const section of sections) bySpan.set(section.span, (bySpan.get(section.span) ?? 0) + section.endUs - section.startUs);
  return [...bySpan]
    .map(([span, onPathUs]) => ({ span, onPathUs }))
    .sort((a, b) => a.span.startUs - b.span.startUs || a.span.depth - b.span.depth);
}
