// Where the service graph's boxes go: each service in a column by how many calls it is from a
// service nobody calls (the longest such chain, so a callee is always right of its callers), and in
// that column in name order. A cycle only stretches it: no service goes past the last column.
export interface GraphNode {
  name: string;
  column: number;
  row: number;
}

export function layoutGraph(edges: readonly { parent: string; child: string }[]): { nodes: GraphNode[]; columns: number; rows: number } {
  const names = [...new Set(edges.flatMap((edge) => [edge.parent, edge.child]))].sort();
  const column = new Map(names.map((name) => [name, 0]));
  const last = Math.max(0, names.length - 1);
  for (let round = 0; round < names.length; round++) {
    let moved = false;
    for (const { parent, child } of edges) {
      if (parent === child) continue;
      const next = Math.min(last, (column.get(parent) as number) + 1);
      if (next > (column.get(child) as number)) {
        column.set(child, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const perColumn = new Map<number, number>();
  const nodes = names.map((name) => {
    const at = column.get(name) as number;
    const row = perColumn.get(at) ?? 0;
    perColumn.set(at, row + 1);
    return { name, column: at, row };
  });
  return { nodes, columns: Math.max(0, ...nodes.map((node) => node.column + 1)), rows: Math.max(0, ...perColumn.values()) };
}
