// Typed readers for the services' own environment variables. Each fails fast with a message naming
// the variable, so a typo in docker-compose.yml stops the service at start instead of at first use.

export function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a TCP port (1-65535), got '${value}'`);
  }
  return port;
}

export function urlFrom(env: NodeJS.ProcessEnv, name: string, protocols: readonly string[]): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is required (a ${protocols.join(' or ')} URL)`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL, got '${redactCredentials(value)}'`);
  }
  if (!protocols.includes(url.protocol.replace(/:$/, ''))) {
    throw new Error(`${name} must be a ${protocols.join(' or ')} URL, got '${redactCredentials(value)}'`);
  }
  return value.replace(/\/+$/, '');
}

// Error messages end up in logs; a password in a connection string must not.
function redactCredentials(value: string): string {
  return value.replace(/\/\/[^/@]*@/, '//***@');
}
