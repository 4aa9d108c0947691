import { describe, expect, it } from 'vitest';
import { buildTraceTree, EmptyTraceError, selfTimes, summarizeTrace, visualizeTrace } from '../src/index.js';
import { recordedTrace, syntheticTrace } from './support/fixtures.js';

describe('summarizeTrace', () => {
  it('gives the backend-error trace its root, its failed status and ms durations', () => {
    const summary = summarizeTrace(buildTraceTree(recordedTrace('backend-error')));
    expect(summary).toMatchObject({
      traceId: '8d519e8ded6039abc342a94631d7c43f',
      rootSpan: { serviceName: 'frontend', operationName: 'POST /api/orders', duration: 12.169, status: 'error' },
      serviceCalls: 2,
      duration: 12.169,
      status: 'failed',
    });
    expect(summary.spans).toHaveLength(4);
  });
});

describe('visualizeTrace', () => {
  it('nests the order trace from the frontend down to the notifier', () => {
    const tree = buildTraceTree(recordedTrace('order'));
    const picture = visualizeTrace(tree, selfTimes(tree));
    const path: string[] = [];
    for (let node = picture.tree; node; node = node.children.at(-1) as typeof node) path.push(`${node.serviceName}:${node.operationName}`);
    expect(path.slice(0, 4)).toEqual(['frontend:POST /api/orders', 'frontend:request handler', 'frontend:POST', 'backend:POST /orders']);
    expect(picture.otherRoots).toEqual([]);
  });
});

describe('buildTraceTree', () => {
  it('treats a span whose parent is missing as a root', () => {
    const tree = buildTraceTree(syntheticTrace([['a', undefined, 's', 0, 10], ['b', 'lost', 's', 2, 3]]));
    expect(tree.roots.map((root) => root.spanId)).toEqual(['a', 'b']);
  });

  it('survives a parent cycle', () => {
    const tree = buildTraceTree(syntheticTrace([['a', 'b', 's', 0, 10], ['b', 'a', 's', 2, 3]]));
    expect(tree.roots.map((root) => root.spanId)).toEqual(['a']);
    expect(tree.byId.get('b')?.depth).toBe(1);
  });

  it('refuses a trace without spans', () => {
    expect(() => buildTraceTree({ traceID: 'x', spans: [], processes: {} })).toThrow(EmptyTraceError);
  });
});
