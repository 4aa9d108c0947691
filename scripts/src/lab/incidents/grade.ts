import type { TraceTree } from '@tracing-lab/trace-analysis';
import type { Incident } from './catalogue.js';
import type { Cause } from './causes.js';
import { POINTS_PER_HINT } from './incident-state.js';
import type { Finding } from './symptoms.js';

// An answer graded out of 100: the service 25, the operation 25, the cause 50 — and the cause only
// when the evidence trace shows the symptom, so a right guess without evidence earns no cause points.
// Each hint taken costs 10 of the total.

export const POINTS = { service: 25, operation: 25, cause: 50 } as const;

export interface Diagnosis {
  service: string;
  operation: string;
  cause: Cause;
}

export interface Grade {
  points: number;
  service: boolean;
  operation: boolean;
  cause: boolean;
  evidence: Finding | undefined;
  // One line per part, for the learner.
  lines: string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function grade(incident: Incident, diagnosis: Diagnosis, evidence: TraceTree, hintsShown: number, now = Date.now()): Grade {
  const { answer } = incident;
  const service = answer.services.some((s) => same(s, diagnosis.service));
  const operation = answer.operations.some((o) => same(o, diagnosis.operation));
  const finding = incident.evidence(evidence, now);
  const causeNamed = diagnosis.cause === answer.cause;
  const cause = causeNamed && finding !== undefined;
  const earned = (service ? POINTS.service : 0) + (operation ? POINTS.operation : 0) + (cause ? POINTS.cause : 0);
  const hintCost = POINTS_PER_HINT * hintsShown;
  const lines = [
    `service   ${service ? 'right' : 'wrong'} (${diagnosis.service})`,
    `operation ${operation ? 'right' : 'wrong'} (${diagnosis.operation})`,
    causeNamed && !finding
      ? `cause     right word, but trace ${evidence.traceId} does not show it: no points without evidence`
      : `cause     ${cause ? 'right' : 'wrong'} (${diagnosis.cause})`,
  ];
  // What the trace shows is told only with the right cause: otherwise it would give the answer away.
  if (cause && finding) lines.push(`evidence  trace ${evidence.traceId}: ${finding.shows}`);
  if (hintCost) lines.push(`hints     -${hintCost} (${hintsShown} taken)`);
  return { points: Math.max(0, earned - hintCost), service, operation, cause, evidence: finding, lines };
}
