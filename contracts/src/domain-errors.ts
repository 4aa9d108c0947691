// What the services' own logic can refuse, in its own words: no HTTP status here. The service kit's
// error handler (shared-tracing/src/http-errors.ts) maps each kind to a status, in one table.
export type DomainErrorKind =
  // The request asks for something the current state does not allow (not enough stock, a span that
  // is finished already).
  | 'conflict'
  // What the request refers to does not exist.
  | 'not-found'
  // A store the service depends on cannot answer now; asking again later may work.
  | 'unavailable';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    // The request field the refusal is about, when there is one.
    readonly field?: string,
  ) {
    super(message);
  }
}
