import { faultFires, LabFaultError } from '@tracing-lab/shared-tracing';

// The fault scenarios the backend honours, switched on per request by the baggage entry
// `lab.scenario=<name>` or for every request by LAB_SCENARIO=<name> (shared-tracing/src/lab-scenario.ts).

// backend-error: simulates a bug in the business logic. The request fails with a 500 before the
// backend calls anything, and the error lands on the backend's spans (exception event, ERROR status,
// error.type=LabFaultError). Sent on a share of the traffic, it makes the intermittent 500s a
// learner has to track down.
export function backendErrorFault(): void {
  if (faultFires('backend-error')) throw new LabFaultError('backend-error', 'order processing failed');
}
