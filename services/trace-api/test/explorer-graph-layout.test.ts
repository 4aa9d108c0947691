import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../explorer/graph-layout.js';

const edges = (...pairs: string[]) => pairs.map((pair) => ({ parent: pair.split('>')[0] as string, child: pair.split('>')[1] as string }));

describe('the service graph layout', () => {
  it("puts each service one column right of its furthest caller, in name order within a column", () => {
    expect(layoutGraph(edges('frontend>backend', 'backend>database', 'backend>notifier', 'notifier>database'))).toEqual({
      nodes: [
        { name: 'backend', column: 1, row: 0 },
        { name: 'database', column: 3, row: 0 },
        { name: 'frontend', column: 0, row: 0 },
        { name: 'notifier', column: 2, row: 0 },
      ],
      columns: 4,
      rows: 1,
    });
  });

  it('stacks services of the same column', () => {
    expect(layoutGraph(edges('frontend>backend', 'trace-api>jaeger')).nodes.map(({ name, column, row }) => `${name}@${column},${row}`)).toEqual([
      'backend@1,0',
      'frontend@0,0',
      'jaeger@1,1',
      'trace-api@0,1',
    ]);
  });

  it('ends on a cycle, with no service past the last column', () => {
    const { nodes, columns } = layoutGraph(edges('a>b', 'b>a'));
    expect(columns).toBeLessThanOrEqual(2);
    expect(nodes.map((node) => node.name)).toEqual(['a', 'b']);
  });

  it('draws nothing for no edge', () => {
    expect(layoutGraph([])).toEqual({ nodes: [], columns: 0, rows: 0 });
  });
});
