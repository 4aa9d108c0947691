import { join } from 'node:path';
import { ExerciseError } from '@tracing-lab/checker/exercises';
import { checkExercise } from './commands/check.js';
import { diff } from './commands/diff.js';
import { hint } from './commands/hint.js';
import { incident } from './commands/incident.js';
import { list } from './commands/list.js';
import { reset, stop } from './commands/reset-stop.js';
import { solution } from './commands/solution.js';
import { start } from './commands/start.js';
import { handBackToTreeOwner, underCompose } from './compose-mesh.js';
import { exerciseFiles, LabError } from './exercise-files.js';
import { LabContext, type Output } from './lab-context.js';

// `npm run lab -- <command>`: the one place that prints errors and picks the exit code: 0 done (or
// the check passed), 1 the check failed, 2 a bad command or something the lab cannot do, in one line.

export const USAGE = `Usage: npm run lab -- <command>

The exercise track: you instrument the mesh, and the checker grades it from the traces in Jaeger.
Each exercise's README is in exercises/NN-name/.

Commands:
  list, status        the exercises, which are done, which is under way, the points so far
  start <n>           put exercise n's start files in place, rebuild and restart the services they
                      touch, and check once to show where you start from
  check [--watch]     grade the exercise under way (rebuilding what you changed first); with --watch,
                      again after every save. Checker flags such as --json pass through
  hint                the next of three hints (each costs 2 of the exercise's 10 points)
  diff                your edits against the start files
  solution [--apply]  the reference solution as a diff; --apply puts it in place (your attempt is
                      archived first, and the exercise then earns no points)
  reset               back to the start files (your attempt is archived first)
  stop                back to the mesh's own files (your attempt is archived first)

Incidents: a hidden fault, told only by its symptom; you find it in the traces and are graded.
  incident start [--level 1|2|3] [--seed N]   break the mesh (level 1 easiest)
  incident answer --service S --operation O --cause C --trace ID
                      grade a diagnosis out of 100: the trace must show the symptom
  incident causes     the causes an answer can name
  incident hint       the next of three hints (-10 points each)
  incident reveal     the answer, and the views that show it
  incident status     the incident under way and the finished ones
  incident stop       mend the mesh

Attempts are kept in .lab/attempts/. Exit code: 0 done, 1 the check failed, 2 the command cannot run.`;

const NO_ARGS = new Set(['list', 'status', 'hint', 'diff', 'reset', 'stop']);

// `repoRoot`: where the files and .lab/ are; the tests give a folder of their own.
export async function runLabCli(argv: string[], output: Output, repoRoot?: string): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      output.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (NO_ARGS.has(command) && rest.length) throw new LabError(`'${command}' takes no arguments (got ${rest.join(' ')})`);
    const lab = new LabContext(output, repoRoot);
    try {
      return await runCommand(lab, command, rest);
    } finally {
      if (underCompose()) {
        const files = lab.exercises().flatMap((exercise) => exerciseFiles(exercise).map((file) => join(lab.repoRoot, file)));
        handBackToTreeOwner(lab.repoRoot, [lab.paths.root, ...files]);
      }
    }
  } catch (error) {
    if (!(error instanceof LabError || error instanceof ExerciseError)) throw error;
    output.err(`lab: ${error.message}`);
    return 2;
  }
}

// One command of the lab; runLabCli owns what it prints on failure and its exit code.
async function runCommand(lab: LabContext, command: string, rest: string[]): Promise<number> {
  switch (command) {
    case 'list':
    case 'status':
      return list(lab);
    case 'start':
      return await start(lab, exerciseNumber(rest));
    case 'check':
      return await checkExercise(lab, rest.includes('--watch'), rest.filter((a) => a !== '--watch'));
    case 'hint':
      return hint(lab);
    case 'diff':
      return diff(lab);
    case 'solution':
      if (rest.some((a) => a !== '--apply')) throw new LabError(`'solution' takes only --apply (got ${rest.join(' ')})`);
      return await solution(lab, rest.includes('--apply'));
    case 'reset':
      return await reset(lab);
    case 'stop':
      return await stop(lab);
    case 'incident':
      return await incident(lab, rest);
    default:
      throw new LabError(`unknown command '${command}' (see npm run lab -- help)`);
  }
}

function exerciseNumber(args: string[]): number {
  const [raw, ...extra] = args;
  if (raw === undefined || extra.length || !/^\d+$/.test(raw)) throw new LabError(`start takes one exercise number, as in npm run lab -- start 5 (got '${args.join(' ')}')`);
  return Number(raw);
}
