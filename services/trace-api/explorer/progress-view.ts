import { getJson } from './api.js';
import { h } from './dom.js';
import { formatSeconds, formatTime } from './format.js';

// #/progress: the learner's track (GET /lab/progress, from what `npm run lab` writes in .lab/): each
// exercise's status and points, the one under way, and the incidents. Nothing here names an
// incident's hidden fault: the API leaves it out.
type ExerciseStatus = 'done' | 'under-way' | 'stopped' | 'not-started';

interface LabProgress {
  stateFile: string;
  started: boolean;
  exercises: { number: number; title: string; status: ExerciseStatus; points: number | null; hintsShown: number; solutionRevealed: boolean; secondsToSolve: number | null }[];
  active: { number: number; title: string; startedAt: string } | null;
  points: number;
  incident: { level: number; startedAt: string; hintsShown: number; answers: number; revealed: boolean } | null;
  incidents: { level: number; startedAt: string; stoppedAt: string; points: number; hintsShown: number; attempts: number; revealed: boolean; secondsToDiagnose: number | null }[];
}

const STATUS_TEXT: Record<ExerciseStatus, string> = { done: 'done', 'under-way': 'under way', stopped: 'stopped before solved', 'not-started': 'not started' };

export async function progressView(main: HTMLElement): Promise<void> {
  const progress = await getJson<LabProgress>('/lab/progress');
  const done = progress.exercises.filter((exercise) => exercise.status === 'done').length;
  main.replaceChildren(
    h('h2', null, 'Your progress'),
    progress.started
      ? h('p', { class: 'progress-summary' }, `${done} of ${progress.exercises.length} exercises done · ${progress.points} points`, progress.active ? ` · under way: ${progress.active.number}. ${progress.active.title}, since ${formatTime(Date.parse(progress.active.startedAt))}` : '')
      : h(
          'div',
          { class: 'notice empty-progress' },
          h('p', null, h('strong', null, 'No exercise started yet.'), ' Start the track with ', h('code', null, 'npm run lab -- start 1'), '; ', h('code', null, 'npm run lab -- list'), ' lists the exercises.'),
          h('p', { class: 'muted' }, 'This page follows what the lab records as you go: status, hints and points of each exercise, and your incidents.'),
        ),
    h('h3', null, 'Exercises'),
    h(
      'table',
      { class: 'progress' },
      h('thead', null, h('tr', null, ['#', 'Exercise', 'Status', 'Points', 'Hints', 'Time to solve'].map((name) => h('th', { scope: 'col' }, name)))),
      h(
        'tbody',
        null,
        progress.exercises.map((exercise) =>
          h(
            'tr',
            { class: `status-${exercise.status}`, 'data-exercise': exercise.number },
            h('td', { class: 'num' }, exercise.number),
            h('th', { scope: 'row' }, exercise.title),
            h('td', null, h('span', { class: `badge status-${exercise.status}` }, STATUS_TEXT[exercise.status]), exercise.solutionRevealed ? ' solution revealed' : ''),
            h('td', { class: 'num' }, exercise.points === null ? '–' : exercise.points),
            h('td', { class: 'num' }, exercise.hintsShown),
            h('td', { class: 'num' }, exercise.secondsToSolve === null ? '–' : formatSeconds(exercise.secondsToSolve)),
          ),
        ),
      ),
    ),
    h('h3', null, 'Incidents'),
    incidents(progress),
    h('p', { class: 'muted' }, 'Read from ', h('code', null, progress.stateFile), ' at every visit.'),
  );
}

function incidents(progress: LabProgress): HTMLElement {
  const { incident, incidents: finished } = progress;
  if (!incident && finished.length === 0) {
    return h('p', { class: 'muted' }, 'None yet. ', h('code', null, 'npm run lab -- incident start --level 1'), ' hides a fault in the mesh for you to find in the traces.');
  }
  return h(
    'ul',
    { class: 'incidents' },
    incident
      ? h('li', { class: 'incident-running' }, h('span', { class: 'badge status-under-way' }, 'under way'), ` level ${incident.level}, since ${formatTime(Date.parse(incident.startedAt))}: ${incident.answers} answers given, ${incident.hintsShown} hints${incident.revealed ? ', answer revealed' : ''}`)
      : null,
    // Newest first: the one just stopped is the one a learner looks for.
    [...finished].reverse().map((result) =>
      h(
        'li',
        null,
        h('span', { class: 'badge status-done' }, `${result.points} points`),
        ` level ${result.level}, ${formatTime(Date.parse(result.startedAt))}: ${result.attempts} answers, ${result.hintsShown} hints`,
        result.secondsToDiagnose === null ? (result.revealed ? ', answer revealed' : ', not found') : `, found in ${formatSeconds(result.secondsToDiagnose)}`,
      ),
    ),
  );
}
