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

// Sections from the root's end backwards, iteratively: a deep trace would overflow the stack.
function walkBack(root: Clipped): CriticalPathSection[] {
  const sections: CriticalPathSection[] = [];
  let current: Clipped | undefined = root;
  let returningFrom: number | undefined;
  while (current) {
    const sectionEnd = returningFrom ?? current.endUs;
    const lastFinishing = nextLastFinishingChild(current, returningFrom);
    if (lastFinishing) {
      if (lastFinishing.endUs !== sectionEnd) sections.push({ span: current.span, startUs: lastFinishing.endUs, endUs: sectionEnd });
      current = lastFinishing;
      returningFrom = undefined;
    } else {
      if (current.startUs !== sectionEnd) sections.push({ span: current.span, startUs: current.startUs, endUs: sectionEnd });
      returningFrom = current.startUs;
      current = current.parent;
    }
  }
  return sections;
}

function nextLastFinishingChild(span: Clipped, before: number | undefined): Clipped | undefined {
  if (before === undefined) return span.children[0];
  while (span.nextChild < span.children.length && (span.children[span.nextChild] as Clipped).endUs >= before) span.nextChild++;
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
