import { context, propagation, trace } from '@opentelemetry/api';

// The lab's "break it" switch. A learner names a fault scenario for one request with the W3C baggage
// entry `lab.scenario` (the load generator sets it), or for every request a service handles with its
// LAB_SCENARIO variable. Baggage travels with the trace context through HTTP and RabbitMQ, so a fault
// fires deep in the mesh for exactly the requests that asked for it. Each service declares the faults
// it honours in its own faults.ts.

export const SCENARIO_BAGGAGE_KEY = 'lab.scenario';

export function activeScenarios(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const fromRequest = propagation.getBaggage(context.active())?.getEntry(SCENARIO_BAGGAGE_KEY)?.value;
  return new Set([fromRequest, env.LAB_SCENARIO].flatMap((value) => value?.trim() || []));
}

// True when the scenario is active for the current request or message; the active span is then
// marked with `lab.fault`, so the span where the fault struck is one tag search away in Jaeger.
export function faultFires(scenario: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!activeScenarios(env).has(scenario)) return false;
  trace.getActiveSpan()?.setAttribute('lab.fault', scenario);
  return true;
}

// The error a fault throws: its name is the span's error.type, so every simulated failure is
// searchable as `error.type=LabFaultError` and never mistaken for a real bug.
export class LabFaultError extends Error {
  constructor(
    readonly scenario: string,
    message: string,
  ) {
    super(`${message} (lab fault scenario '${scenario}')`);
    this.name = 'LabFaultError';
  }
}
