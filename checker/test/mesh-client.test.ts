import { describe, expect, it } from 'vitest';
import { SERVICES } from '../src/expectations.js';
import { MeshClient } from '../src/mesh-client.js';

// Where the checker asks each service's /health: natively all on the frontend's host; inside the
// Compose network (docker compose run --rm check) each at its own service name.
const healthUrls: Array<[string, string, string]> = [
  ['http://localhost:8080', 'frontend', 'http://localhost:8080/health'],
  ['http://localhost:8080', 'database', 'http://localhost:8082/health'],
  ['http://127.0.0.1:8080', 'notifier', 'http://127.0.0.1:8083/health'],
  ['http://frontend:8080', 'frontend', 'http://frontend:8080/health'],
  ['http://frontend:8080', 'backend', 'http://backend:8081/health'],
  ['http://frontend:8080', 'database', 'http://database:8082/health'],
];

describe('MeshClient.healthUrl', () => {
  it.each(healthUrls)('with the frontend at %s asks %s at %s', (frontendUrl, name, expected) => {
    const service = SERVICES.find((s) => s.name === name);
    if (!service) throw new Error(`no service ${name}`);
    expect(new MeshClient(frontendUrl, 'lab.checker=test').healthUrl(service)).toBe(expected);
  });
});
