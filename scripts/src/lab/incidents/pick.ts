import { seededRandom } from '@tracing-lab/trace-analysis';
import { catalogue, type Incident, type Level } from './catalogue.js';

// Which incident a start gets: one of the level's (any level's, when none is asked for), chosen by
// the seed, so that a seed given again gives the same incident.
export function pickIncident(seed: number, level?: Level): Incident {
  const candidates = catalogue(seed).filter((i) => level === undefined || i.level === level);
  const index = Math.floor(seededRandom(seed)() * candidates.length);
  return candidates[index] as Incident;
}
