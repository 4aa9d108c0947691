import { describe, expect, it } from 'vitest';
import { REDACTED, redactAttribute, redactText } from '../src/redaction.js';

describe('redactAttribute', () => {
  it.each([
    ['http.request.header.authorization', ['Bearer abc.def']],
    ['http.request.header.cookie', ['session=abc']],
    ['http.response.header.set-cookie', ['session=abc; HttpOnly']],
    ['lab.api_key', 'k-123'],
    ['db.password', 'hunter2'],
  ])('replaces the value of %s, whatever it is', (key, value) => {
    expect(redactAttribute(key, value)).toBe(REDACTED);
  });

  it('leaves ordinary attributes exactly as they are', () => {
    expect(redactAttribute('http.route', '/api/orders/:id')).toBe('/api/orders/:id');
    expect(redactAttribute('app.inventory.remaining', 41)).toBe(41);
    expect(redactAttribute('db.query.text', 'UPDATE products SET stock = stock - $2 WHERE id = $1')).toBe(
      'UPDATE products SET stock = stock - $2 WHERE id = $1',
    );
    expect(redactAttribute('messaging.rabbitmq.destination.routing_key', 'order.created')).toBe('order.created');
  });

  it('cleans each string of an array', () => {
    expect(redactAttribute('app.recipients', ['ada@example.com', 'x'])).toEqual([expect.stringMatching(/^email-sha256:/), 'x']);
  });
});

describe('redactText', () => {
  it('redacts the credentials of a URL or connection string', () => {
    expect(redactText('amqp://lab:s3cret@rabbitmq:5672')).toBe('amqp://REDACTED:REDACTED@rabbitmq:5672');
    expect(redactText('postgres://user:pw@db.example.com/lab')).toBe('postgres://REDACTED:REDACTED@db.example.com/lab');
  });

  it('redacts secret query and key=value parameters, keeping the others', () => {
    expect(redactText('http://backend:8081/orders?limit=2&password=hunter2')).toBe('http://backend:8081/orders?limit=2&password=REDACTED');
    expect(redactText('limit=2&access_token=abc&page=3')).toBe('limit=2&access_token=REDACTED&page=3');
    expect(redactText('host=db user=lab password=hunter2 dbname=lab')).toBe('host=db user=lab password=REDACTED dbname=lab');
  });

  it('hashes e-mail addresses, the same address always to the same value', () => {
    const once = redactText('notify ada@example.com now');
    expect(once).not.toContain('ada@example.com');
    expect(once).toMatch(/^notify email-sha256:[0-9a-f]{16} now$/);
    expect(redactText('ADA@example.com')).toBe(redactText('ada@example.com'));
    expect(redactText('grace@example.com')).not.toBe(redactText('ada@example.com'));
  });
});
