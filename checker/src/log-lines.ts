import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

// The services' own log lines, as pino writes them (one JSON object a line) into the native stack's
// .stack/logs/<service>.log. Only the end of each file is read: it grows with every run of the stack,
// and the lines a check is after were written seconds ago.

export interface LogLine {
  // Epoch milliseconds, pino's `time`.
  time: number;
  msg: string;
  trace_id?: string;
  span_id?: string;
}

// Far more than the lines of one check run (a few hundred per service), far less than a long-lived log.
const TAIL_BYTES = 4 * 1024 * 1024;

export function logFileOf(logsDir: string, service: string): string {
  return join(logsDir, `${service}.log`);
}

// Undefined when there is no such file: the service does not log there (Compose, or another folder).
export function readLogTail(file: string, maxBytes = TAIL_BYTES): LogLine[] | undefined {
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return parseLogLines(buffer.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

// Lines that are not pino's JSON (a stack trace, a half line at the cut) are not log records: skipped.
export function parseLogLines(text: string): LogLine[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      const parsed = JSON.parse(line) as Partial<LogLine>;
      return typeof parsed.time === 'number' ? [parsed as LogLine] : [];
    } catch {
      return [];
    }
  });
}
