import pg from 'pg';

// A background job outside the mesh (so in no trace) that locks every product row for a while, lets
// go, and again: whatever updates stock meanwhile waits for it. Connects with the PG* variables.

const HOLD_MS = 800;
const PAUSE_MS = 1_200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let running = true;
process.on('SIGTERM', () => {
  running = false;
});

async function holdRows(): Promise<void> {
  while (running) {
    const client = new pg.Client();
    try {
      await client.connect();
      while (running) {
        await client.query('BEGIN');
        await client.query('SELECT id FROM products FOR UPDATE');
        await sleep(HOLD_MS);
        await client.query('COMMIT');
        await sleep(PAUSE_MS);
      }
    } catch {
      // PostgreSQL restarting: try again shortly.
      await sleep(PAUSE_MS);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

void holdRows().then(() => process.exit(0));
