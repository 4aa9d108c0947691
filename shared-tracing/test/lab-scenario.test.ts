import { context, propagation, trace } from '@opentelemetry/api';
import { type ReadableSpan, StackContextManager, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeScenarios, faultFires, LabFaultError } from '../src/lab-scenario.js';

const tracer = new TracerProvider().getTracer('lab-scenario-test');

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager().enable());
});

afterAll(() => {
  context.disable();
});

// Runs `work` as a request carrying the baggage entry lab.scenario=<scenario>, inside a span.
function asRequestWith<T>(scenario: string | undefined, work: () => T): { result: T; attributes: Record<string, unknown> } {
  const baggage = propagation.createBaggage(scenario ? { 'lab.scenario': { value: scenario } } : {});
  const span = tracer.startSpan('request');
  const active = trace.setSpan(propagation.setBaggage(context.active(), baggage), span);
  const result = context.with(active, work);
  span.end();
  return { result, attributes: (span as unknown as ReadableSpan).attributes };
}

describe('fault scenarios', () => {
  it('fire for a request whose baggage names them, and mark its span with lab.fault', () => {
    const { result, attributes } = asRequestWith('slow-db', () => faultFires('slow-db', {}));
    expect(result).toBe(true);
    expect(attributes['lab.fault']).toBe('slow-db');
  });

  it('do not fire for a request that named another scenario, or none', () => {
    expect(asRequestWith('backend-error', () => faultFires('slow-db', {})).result).toBe(false);
    const { result, attributes } = asRequestWith(undefined, () => faultFires('slow-db', {}));
    expect(result).toBe(false);
    expect(attributes).not.toHaveProperty('lab.fault');
  });

  it('fire for every request when LAB_SCENARIO names them', () => {
    expect(asRequestWith(undefined, () => faultFires('slow-notifier', { LAB_SCENARIO: 'slow-notifier' })).result).toBe(true);
    expect(asRequestWith('slow-db', () => [...activeScenarios({ LAB_SCENARIO: ' backend-error ' })].sort()).result).toEqual([
      'backend-error',
      'slow-db',
    ]);
  });

  it('fail with an error that names the scenario, so it is never mistaken for a real bug', () => {
    const error = new LabFaultError('backend-error', 'order processing failed');
    expect(error.name).toBe('LabFaultError');
    expect(error.message).toBe("order processing failed (lab fault scenario 'backend-error')");
  });
});
