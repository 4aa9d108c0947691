import type { JaegerSpan, JaegerTrace } from '../../src/index.js';

// A second, deliberately naive statement of the critical path algorithm of Jaeger's UI
// (jaeger-ui, packages/jaeger-ui/src/components/TracePage/CriticalPath), written from its description
// and its test cases, to check src/critical-path.ts against: plain recursion, arrays searched with
// filter/find, spans copied and clipped one by one, sections in the order the UI produces them
// (from the root's end backwards). Rules:
//  - a root is a span without references; only CHILD_OF children block their parent;
//  - children are clipped to their parent's range (after the parent's own clipping), and dropped with
//    their descendants when they lie entirely outside it;
//  - children are ordered by end time, latest first;
//  - the walk: on a span, take its last finishing child (when returning from a child that started at
//    `t`, the first child in that order that ended strictly before `t`); the span is on the path from
//    that child's end to now (its end, or `t`); recurse into that child. Without such a child, the span
//    is on the path from its start to now, and the walk returns to its parent with `t` = its start.
//    Empty sections are not recorded.
export interface ReferenceSection {
  spanId: string;
  sectionStart: number;
  sectionEnd: number;
}

interface Copy {
  id: string;
  parent: string | undefined;
  start: number;
  end: number;
}

export function jaegerUiCriticalPath(trace: JaegerTrace): ReferenceSection[] {
  const sections: ReferenceSection[] = [];
  const roots = trace.spans.filter((span) => !span.references?.length);
  for (const root of roots) {
    const kept = clipped(trace.spans, root);
    walk(kept, root.spanID, undefined, sections);
  }
  return sections;
}

function clipped(spans: JaegerSpan[], root: JaegerSpan): Copy[] {
  const kept: Copy[] = [{ id: root.spanID, parent: undefined, start: root.startTime, end: root.startTime + root.duration }];
  let frontier = [kept[0] as Copy];
  while (frontier.length) {
    const next: Copy[] = [];
    for (const parent of frontier) {
      const children = spans.filter((span) => span.references?.[0]?.refType === 'CHILD_OF' && span.references[0].spanID === parent.id);
      for (const child of children) {
        const start = child.startTime;
        const end = child.startTime + child.duration;
        if (start >= parent.start && start >= parent.end) continue;
        if (start < parent.start && end <= parent.start) continue;
        const copy = { id: child.spanID, parent: parent.id, start: Math.max(start, parent.start), end: Math.min(end, parent.end) };
        kept.push(copy);
        next.push(copy);
      }
    }
    frontier = next;
  }
  return kept;
}

function walk(spans: Copy[], id: string, returningAt: number | undefined, sections: ReferenceSection[]): void {
  const span = spans.find((candidate) => candidate.id === id) as Copy;
  const children = spans.filter((candidate) => candidate.parent === id).sort((a, b) => b.end - a.end);
  const lastFinishing = returningAt === undefined ? children[0] : children.find((child) => child.end < returningAt);
  const now = returningAt ?? span.end;
  if (lastFinishing) {
    if (lastFinishing.end !== now) sections.push({ spanId: id, sectionStart: lastFinishing.end, sectionEnd: now });
    walk(spans, lastFinishing.id, undefined, sections);
    return;
  }
  if (span.start !== now) sections.push({ spanId: id, sectionStart: span.start, sectionEnd: now });
  if (span.parent !== undefined) walk(spans, span.parent, span.start, sections);
}
