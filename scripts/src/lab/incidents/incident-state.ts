import type { Level } from './catalogue.js';
import type { AppliedFault } from './faults.js';

// What the lab remembers of incidents, in .lab/state.json beside the exercises' progress.

export const MAX_ATTEMPTS = 3;
export const POINTS_PER_HINT = 10;

export interface AnswerRecord {
  at: string;
  service: string;
  operation: string;
  cause: string;
  traceId: string;
  points: number;
  // Service, operation and cause all right, with evidence.
  allRight: boolean;
}

export interface RunningIncident {
  id: string;
  seed: number;
  level: Level;
  startedAt: string;
  hintsShown: number;
  answers: AnswerRecord[];
  // Once the answer is shown, no more answers are taken.
  revealed: boolean;
  // Filled as each fault is applied, so `stop` undoes what a failed or interrupted start did.
  applied: AppliedFault[];
}

export interface IncidentResult {
  id: string;
  level: Level;
  startedAt: string;
  stoppedAt: string;
  // The best answer's points, less the hints.
  points: number;
  hintsShown: number;
  attempts: number;
  revealed: boolean;
  // From the start to the first answer that scored full points.
  secondsToDiagnose?: number;
}
