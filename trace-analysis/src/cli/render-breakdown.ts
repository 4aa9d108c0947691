import type { TraceAnalysis } from '../analyze.js';
import { IDLE_ENTRY } from '../service-breakdown.js';
import { formatMs, formatPercent } from './format-ms.js';
import type { Paint, Style } from './paint.js';
import { columns, fit, printable, truncate } from './text-fit.js';

// The self time of each service, in ms and as a share of the trace, with a bar: the lines add up to
// the trace's duration (see self-time.ts), so they say where all of its time went.

const INDENT = '  ';
const MAX_SERVICE = 18;
const PERCENT_COLUMNS = '100.0%'.length;

export function renderBreakdown(analysis: TraceAnalysis, width: number, paint: Paint, styles: Map<string, Style>): string[] {
  const entries = Object.entries(analysis.serviceBreakdown);
  const total = analysis.totalDuration;
  const nameColumns = Math.min(MAX_SERVICE, Math.floor(width / 4), Math.max(...entries.map(([service]) => columns(printable(service)))));
  const msColumns = Math.max(...entries.map(([, ms]) => columns(formatMs(ms))));
  const barColumns = Math.max(0, width - INDENT.length - nameColumns - 2 - msColumns - ' ms'.length - 2 - PERCENT_COLUMNS - 2);

  const title = `Self time by service (adds up to the trace's ${formatMs(total)} ms)`;
  const lines = [paint(truncate(title, width), 'bold')];
  for (const [service, ms] of entries) {
    const share = total > 0 ? (100 * ms) / total : 0;
    const style: Style | undefined = service === IDLE_ENTRY ? 'dim' : styles.get(service);
    const bar = '█'.repeat(Math.round((share / 100) * barColumns));
    const cells = [
      INDENT + fit(printable(service), nameColumns),
      `${fit(formatMs(ms), msColumns, 'right')} ms`,
      fit(formatPercent(share), PERCENT_COLUMNS, 'right'),
      style ? paint(bar, style) : bar,
    ];
    lines.push(cells.join('  ').trimEnd());
  }
  return lines;
}
