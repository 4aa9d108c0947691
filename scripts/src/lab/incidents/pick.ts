import { seededRandom } from '@tracing-lab/trace-analysis';
import { catalogue, type Incident, type Level } from './catalogue.js';

// Which incident a start gets: one of the level's (any level's, when none is asked for), chosen by
// the seed, so that a seed given again gives the same incident.
export function pickIncident(seed: number, level?: Level): Incident {
  const candidates = catalogue(seed).filter((i) => level === undefined || i.level === level);
  const index = Math.floor(seededRandom(seed)() * candidates.length);
  return candidates[index] as Incident;
}

// The first seed that gives the incident: how the proofs start each one as a learner would, by seed.
export function firstSeedFor(id: string): number {
  for (let seed = 0; seed < 10_000; seed++) if (pickIncident(seed).id === id) return seed;
  throw new Error(`no seed below 10000 picks the incident ${id}`);
}
