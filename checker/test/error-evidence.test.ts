import { expect, it } from 'vitest';
import { bestErrorSpan, isFullyRecorded } from '../src/error-evidence.js';
import { describeSpan } from '../src/trace-shape.js';
import { loadFixture } from './support/fixtures.js';

it("picks the backend's server span of the recorded backend-error trace, with all three marks", () => {
  const evidence = bestErrorSpan(loadFixture('order-backend-error').trace.spans, 'backend')!;
  expect(describeSpan(evidence.span)).toBe('backend(server) "POST /orders"');
  expect(evidence).toMatchObject({ status: true, exception: { type: 'LabFaultError' }, errorType: '500' });
  expect(isFullyRecorded(evidence)).toBe(true);
});

it('finds no error marks on a healthy order', () => {
  const evidence = bestErrorSpan(loadFixture('order-healthy').trace.spans, 'backend')!;
  expect(evidence).toMatchObject({ status: false, exception: undefined, errorType: undefined });
});
