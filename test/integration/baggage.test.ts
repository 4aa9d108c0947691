import { describe, expect, it } from 'vitest';
import { servicesIn } from '@tracing-lab/checker/trace-shape';
import { waitForTrace } from './support/jaeger.js';
import { wholeOrderTrace } from './support/order-trace.js';
import { createOrder } from './support/mesh.js';

// W3C Baggage set on the request reaches every service, over HTTP and through RabbitMQ; the lab's
// span processor copies the `lab.` entries onto each span so they can be searched in Jaeger.

describe('baggage', () => {
  it('crosses HTTP and RabbitMQ and lands on the spans of all four services', async () => {
    const scenario = `baggage-check-${Date.now()}`;
    const { traceId } = await createOrder({ baggage: `lab.scenario=${scenario}` });
    const spans = await waitForTrace(traceId, wholeOrderTrace);

    const tagged = spans.filter((s) => s.tags['lab.scenario'] === scenario);
    expect(servicesIn(tagged)).toEqual(['backend', 'database', 'frontend', 'notifier']);
    // The notifier's consumer span can only carry it if it travelled in the message headers.
    expect(tagged.some((s) => s.service === 'notifier' && s.kind === 'consumer')).toBe(true);
  });

  it('keeps entries outside the lab. namespace off the spans', async () => {
    const { traceId } = await createOrder({ baggage: 'lab.scenario=private-check,user.email=someone%40example.com' });
    const spans = await waitForTrace(traceId, wholeOrderTrace);
    expect(spans.some((s) => s.tags['lab.scenario'] === 'private-check')).toBe(true);
    expect(spans.some((s) => 'user.email' in s.tags)).toBe(false);
    expect(JSON.stringify(spans)).not.toContain('someone@example.com');
  });
});
