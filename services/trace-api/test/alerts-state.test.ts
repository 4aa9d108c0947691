import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../src/alert-rules.js';
import { type AlertStateName, type AlertStatus, INITIAL_STATUS, nextStatus } from '../src/alert-state.js';

const rule: AlertRule = { name: 'backend-error-rate', service: 'backend', metric: 'error_rate', threshold: 0.1, window: '60s', windowMs: 60_000, minSamples: 5 };
const EARLIER = '2026-11-23T11:59:00.000Z';
const NOW = new Date('2026-11-23T12:00:00.000Z');

const measured = (value: number | null) => ({ value, samples: value === null ? 2 : 20, exampleTraceIds: value ? ['4bf92f3577b34da6a3ce929d0e0e4736'] : [] });
const inState = (state: AlertStateName): AlertStatus => ({ ...INITIAL_STATUS, state, firedAt: state === 'inactive' ? null : EARLIER });

describe('nextStatus', () => {
  it.each<[AlertStateName, number | null, AlertStateName, 'firing' | 'resolved' | undefined]>([
    ['inactive', 0.5, 'firing', 'firing'],
    ['inactive', 0.1, 'inactive', undefined],
    ['inactive', 0, 'inactive', undefined],
    ['inactive', null, 'inactive', undefined],
    ['firing', 0.3, 'firing', undefined],
    ['firing', 0.1, 'resolved', 'resolved'],
    ['firing', null, 'resolved', 'resolved'],
    ['resolved', 0.05, 'resolved', undefined],
    ['resolved', null, 'resolved', undefined],
    ['resolved', 0.2, 'firing', 'firing'],
  ])('%s, measured %s against 0.1 -> %s, transition %s', (from, value, to, transition) => {
    const next = nextStatus(rule, inState(from), measured(value), NOW);
    expect(next.status.state).toBe(to);
    expect(next.transition?.state).toBe(transition);
  });

  it('fires with the rule, the value, the time and the example traces', () => {
    expect(nextStatus(rule, INITIAL_STATUS, measured(0.25), NOW)).toEqual({
      status: {
        state: 'firing',
        firedAt: '2026-11-23T12:00:00.000Z',
        resolvedAt: null,
        value: 0.25,
        samples: 20,
        exampleTraceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'],
        evaluatedAt: '2026-11-23T12:00:00.000Z',
      },
      transition: {
        rule: 'backend-error-rate',
        service: 'backend',
        metric: 'error_rate',
        threshold: 0.1,
        window: '60s',
        state: 'firing',
        at: '2026-11-23T12:00:00.000Z',
        value: 0.25,
        samples: 20,
        exampleTraceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'],
      },
    });
  });

  it('resolves keeping when it fired, and says the window had too few spans for a value', () => {
    const { status, transition } = nextStatus(rule, inState('firing'), measured(null), NOW);
    expect(status).toMatchObject({ state: 'resolved', firedAt: EARLIER, resolvedAt: '2026-11-23T12:00:00.000Z', value: null, samples: 2 });
    expect(transition).toMatchObject({ state: 'resolved', at: '2026-11-23T12:00:00.000Z', value: null, samples: 2, exampleTraceIds: [] });
  });

  it('keeps firing without a new transition, and without moving firedAt, while the value stays over', () => {
    const { status, transition } = nextStatus(rule, inState('firing'), measured(0.9), NOW);
    expect(transition).toBeUndefined();
    expect(status).toMatchObject({ state: 'firing', firedAt: EARLIER, value: 0.9, evaluatedAt: '2026-11-23T12:00:00.000Z' });
  });

  it('does not change the status it is given', () => {
    const current = inState('firing');
    nextStatus(rule, current, measured(0), NOW);
    expect(current).toEqual(inState('firing'));
  });
});
