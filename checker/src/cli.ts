#!/usr/bin/env node
// `npm run check -- [options]`: the progress checker. Everything happens in runCli.
import { runCli } from './run-cli.js';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
