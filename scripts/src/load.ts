// `npm run load -- [options]`: drives the mesh with a scenario's traffic and summarises it
// (scripts/src/load/). All the printing and exit codes live in runLoadCli.
import { runLoadCli } from './load/cli.js';

runLoadCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
