import { createHash } from 'node:crypto';
import type { AttributeValue, Attributes } from '@opentelemetry/api';

// What must never reach Jaeger, and how each is made safe. Instrumentations record URLs with their
// query strings, and `lab.*` baggage is copied onto spans verbatim, so a password in a query or an
// e-mail address in baggage would otherwise be stored in every trace that carries it.

export const REDACTED = 'REDACTED';

// Attribute keys and query or key=value parameter names whose values are secrets.
const SECRET_NAME = /authorization|cookie|passw(or)?d|pwd|secret|token|api[-_.]?key|session|credential/i;

// `scheme://user:password@host`: the semantic conventions' own advice is REDACTED:REDACTED.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi;

// `password=…` in a query string or a key=value connection string.
const SECRET_PARAMETER = /(^|[?&;\s])([^=&;\s?]+)=([^&;#\s]*)/g;

// An e-mail address, not preceded by `:` (the password part of user:password@host, already redacted).
const EMAIL = /(?<![\w.%+:-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

export function redactAttributes(attributes: Attributes): Attributes {
  const changed: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const clean = redactAttribute(key, value);
    if (clean !== value) changed[key] = clean;
  }
  return changed;
}

// Every span of every request passes here, and the same few dozen keys come back again and again:
// each is judged by the pattern once.
const secretKeys = new Map<string, boolean>();
const MAX_REMEMBERED_KEYS = 1_000;

function isSecretKey(key: string): boolean {
  let secret = secretKeys.get(key);
  if (secret === undefined) {
    secret = SECRET_NAME.test(key);
    if (secretKeys.size < MAX_REMEMBERED_KEYS) secretKeys.set(key, secret);
  }
  return secret;
}

export function redactAttribute(key: string, value: AttributeValue): AttributeValue {
  if (isSecretKey(key)) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value) && value.some((item) => typeof item === 'string')) {
    return (value as (string | null | undefined)[]).map((item) => (typeof item === 'string' ? redactText(item) : item)) as AttributeValue;
  }
  return value;
}

export function redactText(text: string): string {
  // Credentials in a URL and e-mail addresses hold an '@', secret parameters an '=': most values (a
  // method, a path, a host) hold neither, and skip the three patterns.
  if (!text.includes('@') && !text.includes('=')) return text;
  return text
    .replace(URL_CREDENTIALS, `$1${REDACTED}:${REDACTED}@`)
    .replace(SECRET_PARAMETER, (match, lead: string, name: string) => (SECRET_NAME.test(name) ? `${lead}${name}=${REDACTED}` : match))
    .replace(EMAIL, (address) => hashedEmail(address));
}

// Hashed rather than removed: the same customer still shows up as the same value across traces,
// without the address itself being stored.
function hashedEmail(address: string): string {
  return `email-sha256:${createHash('sha256').update(address.toLowerCase()).digest('hex').slice(0, 16)}`;
}
