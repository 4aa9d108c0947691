// The words a diagnosis is given in (`incident answer --cause`): what went wrong, as an engineer
// would name it in a post-mortem. Each one has a shape in a trace (symptoms.ts).

export const CAUSES = {
  'pool-exhaustion': 'requests wait for one of too few database connections (time spent in pg-pool.connect)',
  'slow-statement': 'one SQL statement is slow every time it runs',
  'sequential-scan': 'a query reads a whole large table because no index serves it',
  'lock-wait': 'a statement waits for a row lock another transaction holds, now and then',
  'hot-key': 'one key (a product, a user) is slow where the others are fast',
  'n-plus-one': 'one call per item of a list, where one call for the list would do',
  'retry-storm': 'a client asks again at once after every failure, multiplying the load',
  'caller-timeout': 'the caller gives up before the callee finishes; the work goes on without it',
  'intermittent-error': 'a small share of requests fail at one step',
  'slow-consumer': 'messages are consumed more slowly than they are published, so they wait in the queue',
  'dropped-context': 'one hop does not pass the trace context on, so the callee starts traces of its own',
  'unsampled-parent': 'a service samples on its own and ignores its caller\'s decision, so traces lose its part',
} as const;

export type Cause = keyof typeof CAUSES;

export function isCause(word: string): word is Cause {
  return Object.hasOwn(CAUSES, word);
}
