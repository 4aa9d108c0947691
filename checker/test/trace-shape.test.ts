import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  crossServiceEdges,
  describeSpan,
  edgesBetween,
  invalidParentWarnings,
  rootsOf,
  servicesOfEdge,
  spansMissingTheirParent,
} from '../src/trace-shape.js';
import { changed, loadFixture, spanNamed, without } from './support/fixtures.js';

const order = loadFixture('order-healthy').trace;
const users = loadFixture('users-healthy').trace;

describe('crossServiceEdges', () => {
  it('finds the four edges of the order trace', () => {
    expect(crossServiceEdges(order.spans)).toEqual([
      'backend(client) -> database(server)',
      'database(producer) -> notifier(consumer)',
      'frontend(client) -> backend(server)',
      'notifier(client) -> database(server)',
    ]);
  });

  it('finds the two edges of the users trace', () => {
    expect(crossServiceEdges(users.spans)).toEqual(['backend(client) -> database(server)', 'frontend(client) -> backend(server)']);
  });

  it('shows an edge with the wrong kinds when the call is not made by a client span', () => {
    const client = spanNamed(users, 'frontend', 'GET');
    const internal = changed(users, (s) => (s.spanId === client.spanId ? { ...s, kind: 'internal' } : undefined));
    expect(edgesBetween(internal.spans, 'frontend', 'backend')).toEqual(['frontend(internal) -> backend(server)']);
  });
});

describe('rootsOf and spansMissingTheirParent', () => {
  it('find one root and no orphan in a whole trace', () => {
    expect(rootsOf(order.spans).map(describeSpan)).toEqual(['frontend(server) "POST /api/orders"']);
    expect(spansMissingTheirParent(order.spans)).toEqual([]);
  });

  it("find the backend's server span orphaned when the frontend's client span never arrived", () => {
    const client = spanNamed(users, 'frontend', 'GET');
    const broken = without(users, (s) => s.spanId === client.spanId);
    expect(spansMissingTheirParent(broken.spans).map(describeSpan)).toEqual(['backend(server) "GET /users"']);
    expect(rootsOf(broken.spans).map(describeSpan).sort()).toEqual(['backend(server) "GET /users"', 'frontend(server) "GET /api/users"']);
  });
});

it('invalidParentWarnings keeps only Jaeger\'s "invalid parent span" warnings, not its clock-skew notes', () => {
  const span = spanNamed(users, 'backend', 'GET /users');
  const warned = changed(users, (s) =>
    s.spanId === span.spanId ? { ...s, warnings: ['invalid parent span IDs=abc; skipping clock skew adjustment', 'clock skew adjustment disabled'] } : undefined,
  );
  expect(invalidParentWarnings(warned.spans)).toEqual(['backend(server) "GET /users": invalid parent span IDs=abc; skipping clock skew adjustment']);
});

it('ancestorIds walks up from a SQL span to the root', () => {
  const sql = order.spans.find((s) => s.operation.startsWith('pg.query:UPDATE'))!;
  const ancestors = ancestorIds(sql, order.spans);
  expect(ancestors.has(spanNamed(order, 'database', 'inventory.reserve').spanId)).toBe(true);
  expect(ancestors.has(spanNamed(order, 'frontend', 'POST /api/orders').spanId)).toBe(true);
  expect(ancestors.has(spanNamed(order, 'notifier', 'notification.send').spanId)).toBe(false);
});

it('servicesOfEdge splits an edge into its two services', () => {
  expect(servicesOfEdge('database(producer) -> notifier(consumer)')).toEqual({ parent: 'database', child: 'notifier' });
});
