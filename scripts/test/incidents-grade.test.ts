import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTraceTree, type JaegerTrace, type TraceTree } from '@tracing-lab/trace-analysis';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/lab/incidents/catalogue.js';
import { grade } from '../src/lab/incidents/grade.js';
import { firstSeedFor, pickIncident } from '../src/lab/incidents/pick.js';

// The grader on traces recorded from the real Jaeger during each incident (RECORD_INCIDENT_FIXTURES=1
// npx vitest run --project integration test/integration/incidents.test.ts), and on a healthy order.

const FIXTURES = join(__dirname, 'fixtures', 'incidents');
const load = (file: string): TraceTree => buildTraceTree((JSON.parse(readFileSync(file, 'utf8')) as { data: JaegerTrace[] }).data[0] as JaegerTrace);
const healthy = load(join(__dirname, '..', '..', 'checker', 'test', 'fixtures', 'order-healthy.json'));
// Long after each recording: a span that is missing by now will not come.
const later = (tree: TraceTree) => tree.endUs / 1000 + 60_000;
// Each incident as the proof started it (its seed picks the variant, such as the slow product).
const recorded = catalogue(0)
  .map((i) => pickIncident(firstSeedFor(i.id)))
  .filter((i) => existsSync(join(FIXTURES, `${i.id}.json`)));

describe('grading an incident answer', () => {
  it('has a recorded evidence trace for every incident', () => {
    expect(recorded.map((i) => i.id)).toEqual(catalogue(0).map((i) => i.id));
  });

  describe.each(recorded.map((i) => [i.id, i] as const))('%s', (id, incident) => {
    const evidence = load(join(FIXTURES, `${id}.json`));
    const right = { service: incident.answer.services[0] as string, operation: incident.answer.operations[0] as string, cause: incident.answer.cause };

    it('scores 100 for the right answer with its trace, and says what the trace shows', () => {
      const graded = grade(incident, right, evidence, 0, later(evidence));
      expect(graded.points).toBe(100);
      expect(graded.lines.at(-1)).toMatch(new RegExp(`^evidence  trace ${evidence.traceId}: .+`));
    });

    it('takes 10 points a hint', () => {
      expect(grade(incident, right, evidence, 2, later(evidence)).points).toBe(80);
    });

    it('scores the parts that are right: 25 for the service, 25 for the operation, 50 for the cause', () => {
      expect(grade(incident, { ...right, service: 'trace-api' }, evidence, 0, later(evidence)).points).toBe(75);
      expect(grade(incident, { ...right, operation: 'GET /health' }, evidence, 0, later(evidence)).points).toBe(75);
      const wrongCause = right.cause === 'lock-wait' ? 'hot-key' : 'lock-wait';
      const graded = grade(incident, { ...right, cause: wrongCause }, evidence, 0, later(evidence));
      expect(graded.points).toBe(50);
      // What the trace shows would give the cause away.
      expect(graded.lines.join('\n')).not.toContain('evidence');
    });

    it('gives no cause points for the right cause on a trace that does not show it', () => {
      const graded = grade(incident, right, healthy, 0, later(healthy));
      expect(graded.points).toBe(50);
      expect(graded.lines).toContain(`cause     right word, but trace ${healthy.traceId} does not show it: no points without evidence`);
    });
  });
});
