// ANSI colours, and when to use them: only for a terminal (a pipe or a file gets plain text), never
// with --no-color or NO_COLOR (https://no-color.org: set and not empty).

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan';

// Wraps text in the styles' escape codes, or returns it as it is when colours are off.
export type Paint = (text: string, ...styles: Style[]) => string;

const CODES: Record<Style, number> = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 };
const RESET = '\x1b[0m';

export const ansiPaint: Paint = (text, ...styles) =>
  text === '' || styles.length === 0 ? text : `${styles.map((style) => `\x1b[${CODES[style]}m`).join('')}${text}${RESET}`;

export const plainPaint: Paint = (text) => text;

export function wantsColor(stdoutIsTTY: boolean, env: Record<string, string | undefined>, noColorFlag: boolean): boolean {
  return stdoutIsTTY && !noColorFlag && !env.NO_COLOR;
}

// Red is kept for errors, so a service is never painted in it.
const SERVICE_STYLES: Style[] = ['cyan', 'green', 'yellow', 'blue', 'magenta'];

// A colour per service, in the order the services appear, the same in the waterfall and the breakdown.
export function serviceStyles(services: Iterable<string>): Map<string, Style> {
  const styles = new Map<string, Style>();
  for (const service of services) {
    if (!styles.has(service)) styles.set(service, SERVICE_STYLES[styles.size % SERVICE_STYLES.length] as Style);
  }
  return styles;
}

// For measuring a painted line: the escape codes take no columns.
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
