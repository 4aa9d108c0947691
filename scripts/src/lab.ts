// `npm run lab -- <command>`: the exercise track (scripts/src/lab/). Printing and exit codes live in runLabCli.
import { runLabCli } from './lab/cli.js';

const output = { out: (text: string) => process.stdout.write(`${text}\n`), err: (text: string) => process.stderr.write(`${text}\n`) };

// LAB_REPO_ROOT: the working tree to work in, when it is not the one this lab is built in (under
// Compose, the learner's tree mounted into the tools' container).
void runLabCli(process.argv.slice(2), output, process.env.LAB_REPO_ROOT || undefined).then((code) => {
  process.exitCode = code;
});
