// `npm run lab -- <command>`: the exercise track (scripts/src/lab/). Printing and exit codes live in runLabCli.
import { runLabCli } from './lab/cli.js';

const output = { out: (text: string) => process.stdout.write(`${text}\n`), err: (text: string) => process.stderr.write(`${text}\n`) };

void runLabCli(process.argv.slice(2), output).then((code) => {
  process.exitCode = code;
});
