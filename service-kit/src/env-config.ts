import { isIP } from 'node:net';

// Typed readers for the services' own environment variables. Each fails fast with a message naming
// the variable, so a typo in docker-compose.yml stops the service at start instead of at first use.

export function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  // Digits only: Number() would also take '0x1F90' or '8e3' and quietly listen somewhere else.
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a TCP port (1-65535), got '${value}'`);
  }
  return port;
}

// A whole number setting, such as a pool size or a timeout, within the bounds that make sense for it.
export function countFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = 1_000_000): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(count) || count < min || count > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  return count;
}

export interface ListenAddress {
  host: string;
  port: number;
}

// Where a service listens: PORT, and LISTEN_HOST (an IP address). Loopback unless told otherwise, so
// a service started by hand is not reachable from the network; a container sets 0.0.0.0, since its
// neighbours reach it from outside.
export function listenAddressFrom(env: NodeJS.ProcessEnv, defaultPort: number): ListenAddress {
  const host = env.LISTEN_HOST?.trim() || '127.0.0.1';
  if (isIP(host) === 0) throw new Error(`LISTEN_HOST must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0, got '${host}'`);
  return { host, port: portFrom(env, 'PORT', defaultPort) };
}

export function urlFrom(env: NodeJS.ProcessEnv, name: string, protocols: readonly string[]): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is required (an ${protocols.join(' or ')} URL)`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL, got '${redactCredentials(value)}'`);
  }
  if (!protocols.includes(url.protocol.replace(/:$/, ''))) {
    throw new Error(`${name} must be an ${protocols.join(' or ')} URL, got '${redactCredentials(value)}'`);
  }
  return value.replace(/\/+$/, '');
}

// Error messages end up in logs; a password in a connection string must not.
function redactCredentials(value: string): string {
  // Up to the last @ before the path: a password may itself contain an @.
  return value.replace(/\/\/[^/]*@/, '//***@');
}
