import { parseArgs } from 'node:util';
import { meshAddresses } from '@tracing-lab/checker/options';
import { buildTraceTree, fetchJaeger, JaegerClient } from '@tracing-lab/trace-analysis';
import { type Incident, LEVELS, type Level, findIncident } from '../incidents/catalogue.js';
import { CAUSES, isCause } from '../incidents/causes.js';
import { applyFault, type FaultMesh, restoreFault } from '../incidents/faults.js';
import { composeFaultMesh } from '../incidents/compose-faults.js';
import { nativeFaultMesh } from '../incidents/native-faults.js';
import { grade } from '../incidents/grade.js';
import { MAX_ATTEMPTS, POINTS_PER_HINT, type RunningIncident } from '../incidents/incident-state.js';
import { pickIncident } from '../incidents/pick.js';
import { underCompose } from '../compose-mesh.js';
import { LabError } from '../exercise-files.js';
import type { LabContext } from '../lab-context.js';

// `npm run lab -- incident <start|answer|hint|reveal|stop|status|causes>`: a hidden fault, told only by
// its symptom, and a diagnosis graded from the evidence in Jaeger.

// The checker's: LAB_JAEGER_URL, else Jaeger's published port.
const JAEGER_URL = meshAddresses().jaegerUrl;

const CAUSE_LIST = Object.entries(CAUSES)
  .map(([word, meaning]) => `  ${word.padEnd(19)} ${meaning}`)
  .join('\n');

export async function incident(lab: LabContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'start':
      return startIncident(lab, rest);
    case 'answer':
      return answerIncident(lab, rest);
    case 'hint':
      return noArgs(sub, rest) ?? hintIncident(lab);
    case 'reveal':
      return noArgs(sub, rest) ?? revealIncident(lab);
    case 'stop':
      return noArgs(sub, rest) ?? stopIncident(lab);
    case 'status':
      return noArgs(sub, rest) ?? statusIncident(lab);
    case 'causes':
      lab.output.out(`The causes an answer names (--cause):\n${CAUSE_LIST}`);
      return 0;
    default:
      throw new LabError(`incident takes start, answer, hint, reveal, stop, status or causes (got '${sub ?? ''}'; see npm run lab -- help)`);
  }
}

function noArgs(sub: string, rest: string[]): undefined {
  if (rest.length) throw new LabError(`'incident ${sub}' takes no arguments (got ${rest.join(' ')})`);
  return undefined;
}

function flags(args: string[], options: Record<string, { type: 'string' }>): Record<string, string | undefined> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new LabError(error instanceof Error ? error.message : String(error));
  }
}

function running(lab: LabContext): { run: RunningIncident; incident: Incident } {
  const run = lab.state.incident;
  if (!run) throw new LabError('no incident is under way: start one with npm run lab -- incident start [--level 1|2|3]');
  const found = findIncident(run.id, run.seed);
  if (!found) throw new LabError(`the incident under way is not in this version of the lab; end it with npm run lab -- incident stop`);
  return { run, incident: found };
}

// Where the faults go: the Compose project's containers under `docker compose run --rm lab`, else the
// native stack.
function faultMesh(lab: LabContext): FaultMesh {
  return underCompose() ? composeFaultMesh() : nativeFaultMesh(lab.stack);
}

const clock = (iso: string) => new Date(iso).toTimeString().slice(0, 5);

async function startIncident(lab: LabContext, args: string[]): Promise<number> {
  const values = flags(args, { level: { type: 'string' }, seed: { type: 'string' } });
  if (values.level !== undefined && !/^[123]$/.test(values.level)) throw new LabError(`--level must be 1, 2 or 3 (got '${values.level}')`);
  if (values.seed !== undefined && !/^\d{1,9}$/.test(values.seed)) throw new LabError(`--seed must be a whole number (got '${values.seed}')`);
  if (lab.state.incident) throw new LabError('an incident is under way already: answer it, or end it with npm run lab -- incident stop');
  if (lab.state.active) throw new LabError(`exercise ${lab.state.active.number} is under way: finish it with npm run lab -- stop before an incident`);
  const mesh = faultMesh(lab);
  await mesh.assertRunning();
  const level = values.level === undefined ? undefined : (Number(values.level) as Level);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 1e9) : Number(values.seed);
  const chosen = pickIncident(seed, level);
  const run: RunningIncident = { id: chosen.id, seed, level: chosen.level, startedAt: new Date().toISOString(), hintsShown: 0, answers: [], revealed: false, applied: [] };
  lab.state.incident = run;
  lab.save();
  const log = (line: string) => lab.output.err(`lab: ${line}`);
  for (const [index, fault] of chosen.faults.entries()) {
    run.applied.push(await applyFault(mesh, fault, index, log));
    lab.save();
  }
  // The start time is when the fault is in place: evidence must come from after it.
  run.startedAt = new Date().toISOString();
  lab.save();
  // The learner's commands, as they run them: from the host natively, in the tools' containers under Compose.
  const [labCommand, load, trace] = underCompose()
    ? ['docker compose run --rm lab', 'docker compose run --rm load', '']
    : ['npm run lab --', 'npm run load --', ', npm run trace'];
  lab.output.out(
    `An incident is under way (level ${chosen.level}: ${LEVELS[chosen.level]}).\n\n` +
      `Reported: "${chosen.symptom(clock(run.startedAt))}"\n\n` +
      `Drive traffic:  ${load} --scenario mixed --duration 30   (or order, browse)\n` +
      `Find it:        the Jaeger UI (:16686), the explorer (http://localhost:3000/ui)${trace}\n` +
      `Answer:         ${labCommand} incident answer --service <s> --operation <span name> --cause <cause> --trace <trace id>\n` +
      `Causes:         ${labCommand} incident causes    Hints: ${labCommand} incident hint (-${POINTS_PER_HINT} each)\n` +
      `${MAX_ATTEMPTS} answers are allowed. The evidence trace must show the symptom and start after ${clock(run.startedAt)}.`,
  );
  return 0;
}

async function answerIncident(lab: LabContext, args: string[]): Promise<number> {
  const values = flags(args, { service: { type: 'string' }, operation: { type: 'string' }, cause: { type: 'string' }, trace: { type: 'string' } });
  for (const flag of ['service', 'operation', 'cause', 'trace']) {
    if (!values[flag]?.trim()) throw new LabError(`answer needs --${flag} (npm run lab -- incident answer --service <s> --operation <o> --cause <c> --trace <id>)`);
  }
  const cause = (values.cause as string).trim();
  if (!isCause(cause)) throw new LabError(`--cause '${cause}' is not one of the causes: ${Object.keys(CAUSES).join(', ')}`);
  const traceId = (values.trace as string).trim().toLowerCase();
  if (!/^[0-9a-f]{16,32}$/.test(traceId)) throw new LabError(`--trace must be a trace id, 16 or 32 hex digits (got '${values.trace}')`);
  const { run, incident: current } = running(lab);
  if (run.revealed) throw new LabError('the answer was revealed: end the incident with npm run lab -- incident stop, then start another');
  if (run.answers.length >= MAX_ATTEMPTS) throw new LabError(`all ${MAX_ATTEMPTS} answers are used: see the answer with npm run lab -- incident reveal`);
  const raw = await new JaegerClient(fetchJaeger(JAEGER_URL)).trace(traceId);
  if (!raw) throw new LabError(`trace ${traceId} is not in Jaeger (${JAEGER_URL}): copy a trace id from the Jaeger UI or npm run load's output`);
  const tree = buildTraceTree(raw);
  const startedMs = Date.parse(run.startedAt);
  if (tree.startUs / 1000 < startedMs) {
    throw new LabError(`trace ${traceId} started at ${new Date(tree.startUs / 1000).toTimeString().slice(0, 8)}, before this incident began at ${clock(run.startedAt)}: it belongs to no incident or an earlier one. Send traffic now and pick a new trace`);
  }
  const graded = grade(current, { service: values.service as string, operation: values.operation as string, cause }, tree, run.hintsShown);
  const allRight = graded.service && graded.operation && graded.cause;
  run.answers.push({ at: new Date().toISOString(), service: values.service as string, operation: values.operation as string, cause, traceId, points: graded.points, allRight });
  lab.save();
  lab.output.out(graded.lines.join('\n'));
  const left = MAX_ATTEMPTS - run.answers.length;
  lab.output.out(`\n${graded.points}/100 (answer ${run.answers.length} of ${MAX_ATTEMPTS}${left ? '' : '; see the answer with npm run lab -- incident reveal'})`);
  return allRight ? 0 : 1;
}

function hintIncident(lab: LabContext): number {
  const { run, incident: current } = running(lab);
  if (run.hintsShown >= current.hints.length) {
    lab.output.out(`All ${current.hints.length} hints are shown:\n${current.hints.map((h, i) => `${i + 1}. ${h}`).join('\n')}`);
    return 0;
  }
  run.hintsShown += 1;
  lab.save();
  lab.output.out(`${current.hints[run.hintsShown - 1]}\n\nHint ${run.hintsShown}/${current.hints.length} (-${POINTS_PER_HINT} points on every answer).`);
  return 0;
}

function revealIncident(lab: LabContext): number {
  const { run, incident: current } = running(lab);
  run.revealed = true;
  lab.save();
  const { answer } = current;
  lab.output.out(
    `The answer: service ${answer.services.join(' or ')}, operation ${answer.operations.join(' or ')}, cause ${answer.cause}.\n\n${current.reveal}\n\n` +
      'Mend the mesh with npm run lab -- incident stop.',
  );
  return 0;
}

async function stopIncident(lab: LabContext): Promise<number> {
  const run = lab.state.incident;
  if (!run) {
    lab.output.out('No incident is under way: the mesh is as it was.');
    return 0;
  }
  const log = (line: string) => lab.output.err(`lab: ${line}`);
  const mesh = faultMesh(lab);
  for (const applied of [...run.applied].reverse()) {
    await restoreFault(mesh, applied, log);
    run.applied.pop();
    lab.save();
  }
  const best = Math.max(0, ...run.answers.map((a) => a.points));
  const firstFull = run.answers.find((a) => a.allRight);
  (lab.state.incidents ??= []).push({
    id: run.id,
    level: run.level,
    startedAt: run.startedAt,
    stoppedAt: new Date().toISOString(),
    points: best,
    hintsShown: run.hintsShown,
    attempts: run.answers.length,
    revealed: run.revealed,
    ...(firstFull ? { secondsToDiagnose: Math.round((Date.parse(firstFull.at) - Date.parse(run.startedAt)) / 1000) } : {}),
  });
  delete lab.state.incident;
  lab.save();
  const result = lab.state.incidents.at(-1);
  lab.output.out(
    `The mesh is mended. The incident was ${run.id}: ${best}/100` +
      (result?.secondsToDiagnose === undefined ? '' : `, diagnosed in ${result.secondsToDiagnose} s`) +
      '. npm run check should score 100/100 again.',
  );
  return 0;
}

function statusIncident(lab: LabContext): number {
  const run = lab.state.incident;
  const done = lab.state.incidents ?? [];
  if (done.length) {
    lab.output.out('Finished incidents:');
    for (const r of done) lab.output.out(`  level ${r.level}  ${r.points}/100  ${r.attempts} answers, ${r.hintsShown} hints${r.revealed ? ', revealed' : ''}  ${r.startedAt.slice(0, 16)}`);
  }
  if (!run) {
    lab.output.out('No incident is under way (npm run lab -- incident start [--level 1|2|3]).');
    return 0;
  }
  const current = findIncident(run.id, run.seed);
  lab.output.out(
    `Under way since ${clock(run.startedAt)} (level ${run.level}): "${current?.symptom(clock(run.startedAt)) ?? ''}"\n` +
      `${run.answers.length} of ${MAX_ATTEMPTS} answers used, ${run.hintsShown} hints taken.`,
  );
  return 0;
}
