// The two ways `npm run load` refuses to run. The CLI wrapper prints either one as a single line and
// exits 2; deeper code only throws them.

// A flag or value the load generator cannot use. The message starts with the flag it is about.
export class UsageError extends Error {
  override name = 'UsageError';
}

// Nothing answers at the target, so sending load would only measure connection errors.
export class UnreachableTargetError extends Error {
  override name = 'UnreachableTargetError';
}
