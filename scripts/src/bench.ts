// `npm run bench -- [--json] [--smoke]`: what tracing costs the mesh, and proof that no trace is lost
// under load (scripts/src/bench/). All the printing and exit codes live in runBenchCli.
import { runBenchCli } from './bench/cli.js';

runBenchCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
