import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '@tracing-lab/trace-analysis';
import { type ExpectedSpan, HTTP_EDGES, MESSAGING_EDGE, NOTIFIER_EDGES, ORDER_TRACE } from '../src/expectations.js';
import { describeExpected, missingSpans } from '../src/expected-spans.js';
import { crossServiceEdges, rootsOf } from '../src/trace-shape.js';

// The README draws one order's trace as an indented listing. It is held here to ORDER_TRACE, the
// checker's table of the spans an order must produce, which the integration tests hold to live
// traces (the checker scores 100/100 on the healthy mesh, its completeness audit included): so the
// drawing cannot drift from the mesh unnoticed.

const README = join(__dirname, '..', '..', 'README.md');
const HEADING = '## The trace';
const KINDS = new Set(['server', 'client', 'producer', 'consumer', 'internal']);

// The first fenced block after the heading.
function listingLines(markdown: string): string[] {
  const section = markdown.indexOf(`\n${HEADING}\n`);
  if (section < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const open = markdown.indexOf('\n```', section);
  const close = markdown.indexOf('\n```', open + 4);
  return markdown
    .slice(markdown.indexOf('\n', open + 1) + 1, close)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

// Each line is `<service> <kind> <name>`, the name indented two spaces per level below the line it
// hangs from, then optionally two spaces or more and a note: `backend   client      POST    ─ HTTP ─┐`.
// The spans get ids and parents from that indentation, as Jaeger would return them.
function drawnSpans(lines: string[]): { spans: Span[]; problems: string[] } {
  const nameColumn = /^\S+ +\S+ +/.exec(lines[0] ?? '')?.[0].length ?? 0;
  const path: string[] = [];
  const spans: Span[] = [];
  const problems: string[] = [];
  lines.forEach((line, index) => {
    const [service = '', kind = '', ...extra] = line.slice(0, nameColumn).trim().split(/ +/);
    const rest = line.slice(nameColumn);
    const indent = /^ */.exec(rest)?.[0].length ?? 0;
    const name = rest.trim().split(/ {2,}/)[0] ?? '';
    const depth = indent / 2;
    if (extra.length || !KINDS.has(kind) || !name || !Number.isInteger(depth) || depth > path.length) {
      problems.push(`line ${index + 1}: ${line}`);
      return;
    }
    path.length = depth;
    const spanId = String(index + 1);
    const parentSpanId = path[depth - 1];
    path.push(spanId);
    spans.push({
      traceId: 'drawn',
      spanId,
      parentSpanId,
      service,
      operation: name,
      kind,
      tags: {},
      events: [],
      references: parentSpanId ? [{ type: 'CHILD_OF', traceId: 'drawn', spanId: parentSpanId }] : [],
      resource: {},
      warnings: [],
      startMicros: index,
      durationMicros: 1,
    });
  });
  return { spans, problems };
}

const expectedSpan = (id: string): ExpectedSpan => ORDER_TRACE.find((e) => e.id === id) as ExpectedSpan;
const edgeOf = (parent: ExpectedSpan, child: ExpectedSpan): string => `${parent.service}(${parent.kind}) -> ${child.service}(${child.kind})`;

const { spans, problems } = drawnSpans(listingLines(readFileSync(README, 'utf8')));

describe("the README's drawing of an order's trace", () => {
  it('reads as one span per line: service, kind, then the name indented under its parent', () => {
    expect(problems).toEqual([]);
    expect(spans.length).toBeGreaterThan(0);
  });

  it('shows every span the checker expects of an order, each under the span it belongs to', () => {
    expect(missingSpans(spans, ORDER_TRACE).map(describeExpected)).toEqual([]);
  });

  it('crosses between services exactly where the checker expects, and nowhere else', () => {
    const messaging = edgeOf(expectedSpan(MESSAGING_EDGE.producer), expectedSpan(MESSAGING_EDGE.consumer));
    expect(crossServiceEdges(spans)).toEqual([...HTTP_EDGES, messaging, ...NOTIFIER_EDGES].sort());
  });

  it("has one root, the frontend's server span", () => {
    const root = ORDER_TRACE[0] as ExpectedSpan;
    expect(rootsOf(spans).map((s) => [s.service, s.kind, s.operation])).toEqual([[root.service, root.kind, root.name]]);
  });
});
