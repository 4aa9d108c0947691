import { type Hint, hints } from '../hints.js';
import type { SentRequest } from '../mesh-client.js';
import type { TaskContext } from '../run-context.js';

// Why a service has no spans in a request's trace although its caller does: its spans started a trace
// of their own (the context did not cross the hop), or it made none for the request at all.
export async function whyServiceAbsent(context: TaskContext, request: SentRequest, parent: string, child: string, messaging = false): Promise<Hint> {
  const orphan = (await context.orphanTraces(child, request))[0];
  return orphan ? hints.propagationBroken(parent, child, orphan.traceId, messaging) : hints.hopMissing(parent, child);
}
