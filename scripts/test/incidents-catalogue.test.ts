import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, type Level, LEVELS } from '../src/lab/incidents/catalogue.js';
import { CAUSES } from '../src/lab/incidents/causes.js';
import { pickIncident } from '../src/lab/incidents/pick.js';

// The catalogue as data: enough incidents, each complete, each reachable by a seed, none of them
// carrying its name or cause into what it changes, and the README's vocabulary in step.

const incidents = catalogue(0);
const secrets = [...incidents.map((i) => i.id), ...Object.keys(CAUSES)];

describe('the incident catalogue', () => {
  it('has at least twelve incidents with unique ids, at every level', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(12);
    expect(new Set(incidents.map((i) => i.id)).size).toBe(incidents.length);
    expect(new Set(incidents.map((i) => i.level))).toEqual(new Set([1, 2, 3]));
  });

  it.each(incidents.map((i) => [i.id, i] as const))('%s: three hints, an answer in the vocabulary, a symptom with its time', (_id, incident) => {
    expect(incident.hints).toHaveLength(3);
    expect(Object.keys(CAUSES)).toContain(incident.answer.cause);
    expect(incident.answer.services.length).toBeGreaterThan(0);
    expect(incident.answer.operations.length).toBeGreaterThan(0);
    expect(incident.symptom('10:02')).toContain('10:02');
  });

  it.each(incidents.map((i) => [i.id, i] as const))('%s: its symptom and faults name no incident and no cause', (_id, incident) => {
    const visible = JSON.stringify([incident.symptom('10:02'), incident.faults]);
    expect(secrets.filter((word) => visible.includes(word))).toEqual([]);
  });

  it('gives every incident for some seed, the same one for the same seed, and only the level asked for', () => {
    const seen = new Set(Array.from({ length: 500 }, (_, seed) => pickIncident(seed).id));
    expect(seen).toEqual(new Set(incidents.map((i) => i.id)));
    expect(pickIncident(42).id).toBe(pickIncident(42).id);
    for (const level of [1, 2, 3] as Level[]) {
      for (let seed = 0; seed < 50; seed++) expect(pickIncident(seed, level).level).toBe(level);
    }
  });
});

describe("the README's Incidents part", () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const part = readme.slice(readme.indexOf('### Incidents'), readme.indexOf('## The mesh'));

  it('lists every cause with its meaning, and nothing else', () => {
    const rows = [...part.matchAll(/^\| `([a-z-]+)` \| (.+) \|$/gm)].map(([, word, meaning]) => [word, meaning]);
    expect(Object.fromEntries(rows)).toEqual(CAUSES);
  });

  it('describes every level as the lab does', () => {
    for (const [level, text] of Object.entries(LEVELS)) expect(part).toContain(`| ${level} | ${text} |`);
  });
});
