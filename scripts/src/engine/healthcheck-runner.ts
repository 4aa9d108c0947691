// The lab engine's health-check runner (healthchecks.ts), started and stopped with the engine by
// service.ts: `node healthcheck-runner.js <socket>`.
import { runHealthchecks } from './healthchecks.js';

const socket = process.argv[2];
if (!socket) {
  console.error('usage: healthcheck-runner <engine socket>');
  process.exit(2);
}
void runHealthchecks(socket, (line) => console.log(`${new Date().toISOString()} ${line}`));
