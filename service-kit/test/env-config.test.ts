import { describe, expect, it } from 'vitest';
import { listenAddressFrom, portFrom, urlFrom } from '../src/env-config.js';

describe('portFrom', () => {
  it.each([
    [undefined, 8080],
    ['', 8080],
    ['  ', 8080],
    ['9090', 9090],
    [' 9090 ', 9090],
    ['1', 1],
    ['65535', 65535],
  ])('PORT=%j gives port %i', (value, port) => {
    expect(portFrom({ PORT: value }, 'PORT', 8080)).toBe(port);
  });

  it.each(['0', '65536', '-1', '80.5', 'http', '8080/tcp', '0x1F90', '8e3'])('rejects PORT=%j, naming the variable and the value', (value) => {
    expect(() => portFrom({ PORT: value }, 'PORT', 8080)).toThrow(`PORT must be a TCP port (1-65535), got '${value}'`);
  });
});

describe('listenAddressFrom', () => {
  it('listens on the loopback address unless LISTEN_HOST says otherwise, so a service started by hand stays private', () => {
    expect(listenAddressFrom({}, 8080)).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(listenAddressFrom({ LISTEN_HOST: ' ' }, 8080)).toEqual({ host: '127.0.0.1', port: 8080 });
  });

  it.each(['0.0.0.0', '::', '::1', '10.1.2.3'])('listens on LISTEN_HOST=%s', (host) => {
    expect(listenAddressFrom({ LISTEN_HOST: host, PORT: '9000' }, 8080)).toEqual({ host, port: 9000 });
  });

  it.each(['localhost', 'backend', '0.0.0.0:8080', '256.0.0.1'])('rejects LISTEN_HOST=%j, naming the variable and the value', (host) => {
    expect(() => listenAddressFrom({ LISTEN_HOST: host }, 8080)).toThrow(`LISTEN_HOST must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0, got '${host}'`);
  });
});

describe('urlFrom', () => {
  const http = ['http', 'https'] as const;

  it.each([
    ['http://backend:8081', 'http://backend:8081'],
    ['https://backend:8081/', 'https://backend:8081'],
    [' http://backend:8081/api// ', 'http://backend:8081/api'],
  ])('accepts %j as %j', (value, url) => {
    expect(urlFrom({ BACKEND_URL: value }, 'BACKEND_URL', http)).toBe(url);
  });

  it('accepts any of the listed protocols', () => {
    expect(urlFrom({ AMQP_URL: 'amqps://lab:lab@rabbitmq:5671' }, 'AMQP_URL', ['amqp', 'amqps'])).toBe('amqps://lab:lab@rabbitmq:5671');
  });

  it('fails on a missing or blank variable, saying which URL it wants', () => {
    expect(() => urlFrom({}, 'BACKEND_URL', http)).toThrow('BACKEND_URL is required (an http or https URL)');
    expect(() => urlFrom({ BACKEND_URL: ' ' }, 'BACKEND_URL', http)).toThrow('BACKEND_URL is required (an http or https URL)');
  });

  it('fails on a value that is not a URL', () => {
    expect(() => urlFrom({ BACKEND_URL: 'not a url' }, 'BACKEND_URL', http)).toThrow("BACKEND_URL must be a URL, got 'not a url'");
  });

  it('fails on the wrong protocol, including a host:port mistaken for a URL', () => {
    expect(() => urlFrom({ BACKEND_URL: 'ftp://backend' }, 'BACKEND_URL', http)).toThrow("BACKEND_URL must be an http or https URL, got 'ftp://backend'");
    expect(() => urlFrom({ BACKEND_URL: 'backend:8081' }, 'BACKEND_URL', http)).toThrow("BACKEND_URL must be an http or https URL, got 'backend:8081'");
  });

  it('keeps the password of a rejected URL out of the error message', () => {
    const attempt = () => urlFrom({ AMQP_URL: 'http://lab:s3cret@rabbitmq:5672' }, 'AMQP_URL', ['amqp', 'amqps']);
    expect(attempt).toThrow("AMQP_URL must be an amqp or amqps URL, got 'http://***@rabbitmq:5672'");
  });

  it('keeps a password containing @ out of the error message', () => {
    const attempt = () => urlFrom({ AMQP_URL: 'http://lab:p@ss@rabbitmq:5672' }, 'AMQP_URL', ['amqp', 'amqps']);
    expect(attempt).toThrow("AMQP_URL must be an amqp or amqps URL, got 'http://***@rabbitmq:5672'");
  });

  it('keeps the password of an unparsable URL out of the error message', () => {
    const attempt = () => urlFrom({ AMQP_URL: 'amqp://lab:s3cret@rabbitmq:port' }, 'AMQP_URL', ['amqp', 'amqps']);
    expect(attempt).toThrow("AMQP_URL must be a URL, got 'amqp://***@rabbitmq:port'");
  });
});
