#!/usr/bin/env node
// `npm run trace -- <trace id> [options]`: one trace as a terminal waterfall. Everything happens in
// runTraceCli.
import { runTraceCli } from './cli/run-trace-cli.js';

// Piped into `head`, stdout closes early: that is the reader being done, not an error to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

void runTraceCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
