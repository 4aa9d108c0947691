// `npm run stack:up [service...]`: the mesh as local processes, with docker-compose.yml's settings.
import { loadStack, service, up } from './stack.js';

async function main(): Promise<void> {
  const stack = loadStack();
  await up(stack, process.argv.slice(2), {}, (line) => console.log(line));
  const rabbitUser = service(stack, 'rabbitmq').env.RABBITMQ_DEFAULT_USER;
  console.log(`
The mesh is up. Logs: .stack/logs/<service>.log
  Frontend         http://localhost:8080/api/users
  Jaeger query API http://localhost:16686/api/services
  Jaeger UI        http://localhost:16686   (a placeholder page when Jaeger was built from its Go module: docs/native-stack.md)
  RabbitMQ UI      http://localhost:15672   (user ${rabbitUser}, password LAB_RABBITMQ_PASSWORD in .env)
Stop it with: npm run stack:down`);
}

main().catch((error: unknown) => {
  console.error(`stack:up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
