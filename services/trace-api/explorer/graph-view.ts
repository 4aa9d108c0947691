import type { DependencyEdge } from '@tracing-lab/trace-analysis';
import { getJson } from './api.js';
import { h, s } from './dom.js';
import { formatMs, formatPercent } from './format.js';
import { type GraphNode, layoutGraph } from './graph-layout.js';
import { graphHref, searchHref } from './routes.js';
import { serviceHue } from './service-color.js';

// #/graph: which service calls which over recent traces (GET /dependencies), with the calls, error
// rate and p95 duration of every edge: drawn, and as a table.
interface Dependencies {
  lookbackMinutes: number;
  traces: number;
  edges: DependencyEdge[];
}

const LOOKBACKS = ['5', '15', '60', '360', '1440'];
const BOX = { width: 150, height: 36, columnGap: 190, rowGap: 40, margin: 16 };

export async function graphView(main: HTMLElement, lookback: string | undefined): Promise<void> {
  const chosen = lookback ?? '60';
  const picker = h('select', { id: 'lookback', name: 'lookback' }, LOOKBACKS.map((minutes) => h('option', { value: minutes, selected: minutes === chosen }, `last ${minutes} minutes`)));
  picker.addEventListener('change', () => {
    location.hash = graphHref(picker.value);
  });
  const heading = [h('h2', null, 'Service graph'), h('p', null, h('label', { for: 'lookback' }, 'Traces of the '), picker)];
  main.replaceChildren(...heading, h('p', { class: 'muted' }, 'Reading recent traces…'));
  const graph = await getJson<Dependencies>(`/dependencies?lookbackMinutes=${encodeURIComponent(chosen)}`);
  main.replaceChildren(
    ...heading,
    h('p', null, `${graph.traces} traces, ${graph.edges.length} edges. An edge is a span whose parent runs in another service: an HTTP call, or a message consumed. p95 is the called span\u2019s duration.`),
    graph.edges.length === 0 ? h('p', { class: 'notice' }, 'No calls between services in that window: send some requests (npm run load) or look further back.') : drawing(graph.edges),
    edgeTable(graph.edges),
  );
}

function drawing(edges: DependencyEdge[]): SVGElement {
  const { nodes, columns, rows } = layoutGraph(edges);
  const at = new Map(nodes.map((node) => [node.name, node]));
  const width = BOX.margin * 2 + columns * BOX.width + (columns - 1) * BOX.columnGap;
  const height = BOX.margin * 2 + rows * BOX.height + (rows - 1) * BOX.rowGap;
  return s(
    'svg',
    { class: 'graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `Service graph: ${edges.map((edge) => `${edge.parent} calls ${edge.child}`).join(', ')}` },
    s('defs', null, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z' }))),
    edges.map((edge) => edgePath(edge, at.get(edge.parent) as GraphNode, at.get(edge.child) as GraphNode)),
    nodes.map((node) => {
      const { x, y } = corner(node);
      return s('g', { class: 'node', style: `--hue: ${serviceHue(node.name)}` }, s('rect', { x, y, width: BOX.width, height: BOX.height, rx: 6 }), s('text', { x: x + BOX.width / 2, y: y + BOX.height / 2 + 5, 'text-anchor': 'middle' }, node.name));
    }),
  );
}

function corner(node: GraphNode): { x: number; y: number } {
  return { x: BOX.margin + node.column * (BOX.width + BOX.columnGap), y: BOX.margin + node.row * (BOX.height + BOX.rowGap) };
}

// Left to right from caller to callee; a call back to an earlier column or within one curves below.
function edgePath(edge: DependencyEdge, from: GraphNode, to: GraphNode): SVGElement {
  const a = corner(from);
  const b = corner(to);
  const forward = to.column > from.column;
  const start = forward ? { x: a.x + BOX.width, y: a.y + BOX.height / 2 } : { x: a.x + BOX.width / 2, y: a.y + BOX.height };
  const end = forward ? { x: b.x, y: b.y + BOX.height / 2 } : { x: b.x + BOX.width / 2, y: b.y + BOX.height };
  const bend = forward ? `C ${start.x + 60} ${start.y} ${end.x - 60} ${end.y}` : `C ${start.x} ${start.y + 50} ${end.x} ${end.y + 50}`;
  const label = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 + (forward ? -6 : 44) };
  return s(
    'g',
    { class: `edge${edge.errorCount > 0 ? ' has-errors' : ''}` },
    s('path', { d: `M ${start.x} ${start.y} ${bend} ${end.x} ${end.y}`, 'marker-end': 'url(#arrow)' }),
    s('text', { x: label.x, y: label.y, 'text-anchor': 'middle' }, `${edge.callCount} calls · ${formatPercent(edge.errorRate)} err · p95 ${formatMs(edge.p95)}`),
  );
}

function edgeTable(edges: DependencyEdge[]): HTMLElement {
  return h(
    'table',
    { class: 'edges' },
    h('caption', null, 'Calls between services'),
    h('thead', null, h('tr', null, ['Caller', 'Called', 'Calls', 'Errors', 'Error rate', 'p95'].map((name, i) => h('th', { scope: 'col', class: i > 1 ? 'num' : null }, name)))),
    h(
      'tbody',
      null,
      edges.map((edge) =>
        h(
          'tr',
          { class: edge.errorCount > 0 ? 'has-errors' : null },
          h('td', null, h('a', { href: searchHref({ service: edge.parent }) }, edge.parent)),
          h('td', null, h('a', { href: searchHref({ service: edge.child }) }, edge.child)),
          h('td', { class: 'num' }, edge.callCount),
          h('td', { class: 'num' }, edge.errorCount),
          h('td', { class: 'num' }, formatPercent(edge.errorRate)),
          h('td', { class: 'num' }, formatMs(edge.p95)),
        ),
      ),
    ),
  );
}
