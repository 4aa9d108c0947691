import { HttpError } from '@tracing-lab/shared-tracing';
import { describe, expect, it } from 'vitest';
import { ClientTracers, MAX_CLIENT_SERVICES } from '../src/client-tracers.js';

describe('ClientTracers', () => {
  it('keeps one tracer provider per client service name', () => {
    const tracers = new ClientTracers();
    expect(tracers.tracerFor('api-gateway')).toBe(tracers.tracerFor('api-gateway'));
  });

  it('refuses a new service name past the limit, naming the field, and still serves the known ones', async () => {
    const tracers = new ClientTracers();
    const first = tracers.tracerFor('client-0');
    for (let i = 1; i < MAX_CLIENT_SERVICES; i++) tracers.tracerFor(`client-${i}`);
    let refused: unknown;
    try {
      tracers.tracerFor('one-too-many');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(400);
    expect((refused as HttpError).body.field).toBe('serviceName');
    expect(tracers.tracerFor('client-0')).toBe(first);
    await tracers.shutdown();
  });
});
