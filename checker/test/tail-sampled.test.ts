import type { Span } from '@tracing-lab/trace-analysis';
import { describe, expect, it } from 'vitest';
import type { SentRequest } from '../src/mesh-client.js';
import { isWhole, judge, type TrafficKind, trafficKinds, SAMPLE, type SentTraffic } from '../src/tasks/tail-sampled.js';
import { loadFixture } from './support/fixtures.js';

// Task 12's judgement over what Jaeger kept, with recorded traces standing for the kept ones: the
// healthy order for every slow order, the backend-error order for every failed one, the users request
// for every ordinary one.

const order = loadFixture('order-healthy').trace.spans;
const users = loadFixture('users-healthy').trace.spans;
const failed = loadFixture('order-backend-error').trace.spans;

function sent(kind: TrafficKind, index: number): SentTraffic {
  const request = { what: kind === 'ordinary' ? 'GET /api/users' : 'POST /api/orders', status: { error: 502, slow: 201, ordinary: 200 }[kind], traceId: `${kind}-${index}` } as SentRequest;
  return { kind, request };
}

const traffic = trafficKinds().map(sent);
const spansOf = (o: SentTraffic): Span[] => ({ error: failed, slow: order, ordinary: users })[o.kind];

// Jaeger as a policy leaves it: every order of the kinds kept, and the first `ordinary` ordinary ones.
function keeping(kinds: TrafficKind[], ordinary: number, spans = spansOf): Map<string, Span[]> {
  const kept = traffic.filter((o) => kinds.includes(o.kind)).concat(traffic.filter((o) => o.kind === 'ordinary').slice(0, ordinary));
  return new Map(kept.map((o) => [o.request.traceId as string, spans(o)]));
}

const verdictOf = (kept: Map<string, Span[]>) => {
  const { checks, hints } = judge(traffic, kept, '9');
  return { passed: checks.every((c) => c.ok), hints: hints.map((h) => h.id) };
};

it('sends 5 failing and 5 slow orders among 100 ordinary requests, one of them last', () => {
  const kinds = trafficKinds();
  expect(['error', 'slow', 'ordinary'].map((kind) => kinds.filter((k) => k === kind).length)).toEqual([SAMPLE.errors, SAMPLE.slow, SAMPLE.ordinary]);
  expect(kinds.at(-1)).not.toBe('ordinary');
});

describe('judges what Jaeger kept', () => {
  it.each([
    ['every error and slow trace and 10 ordinary ones', keeping(['error', 'slow'], 10), { passed: true, hints: [] }],
    ['every error and slow trace and 1 ordinary one', keeping(['error', 'slow'], 1), { passed: true, hints: [] }],
    ['everything', keeping(['error', 'slow'], 100), { passed: false, hints: ['noProbabilisticPolicy'] }],
    ['no ordinary trace', keeping(['error', 'slow'], 0), { passed: false, hints: ['noProbabilisticPolicy'] }],
    ['half of the ordinary ones', keeping(['error', 'slow'], 50), { passed: false, hints: ['keptShareWrong'] }],
    ['10% of everything', keeping([], 10), { passed: false, hints: ['errorsNotKept', 'slowNotKept'] }],
    ['the errors and 10% of the rest', keeping(['error'], 10), { passed: false, hints: ['slowNotKept'] }],
    ['the slow ones and 10% of the rest', keeping(['slow'], 10), { passed: false, hints: ['errorsNotKept'] }],
  ] as const)('%s', (_what, kept, expected) => {
    expect(verdictOf(kept)).toEqual(expected);
  });

  it('fails a kept trace that lost its notifier spans, as torn', () => {
    const torn = keeping(['error', 'slow'], 10, (o) => (o.kind === 'slow' ? order.filter((s) => s.service !== 'notifier') : spansOf(o)));
    expect(verdictOf(torn)).toEqual({ passed: false, hints: ['keptTraceTorn'] });
  });
});

describe('a kept trace is whole', () => {
  it('for a slow order, with every span of the order', () => expect(isWhole('slow', order)).toBe(true));
  it('for an ordinary request, with every span of GET /api/users', () => expect(isWhole('ordinary', users)).toBe(true));
  it('for a failed order, with the frontend and backend server spans', () => expect(isWhole('error', failed)).toBe(true));
  it('not without the notifier', () => expect(isWhole('slow', order.filter((s) => s.service !== 'notifier'))).toBe(false));
  it('not with a span whose parent is missing', () => expect(isWhole('error', failed.filter((s) => s.kind !== 'client'))).toBe(false));
});
