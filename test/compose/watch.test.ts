import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { waitFor } from '@tracing-lab/checker/poll';
import { afterAll, describe, expect, it } from 'vitest';
import { containerOf, dockerCompose, REPO_ROOT } from './support/lab.js';

// `docker compose watch` (develop.watch in docker-compose.yml) rebuilds a service's image and
// recreates its container when a file the image is built from is saved. The saved file is one of the
// frontend's own, written back with the bytes it has: the image builds again from cache to the very
// same image, so the run leaves no new image, no dangling one for watch to prune, and nothing to
// rebuild for the next `up --build`.
//
// Under the lab's engine (Podman 4.3's Docker API, Compose 2.40.3) the rebuild also recreates every
// service the frontend depends on, and starts none of them: Compose judges each running container
// diverged (measured: the same happens to an untouched running service on a second plain `up`), which
// is why an earlier version of this test, `watch --no-up` with nothing after it, left jaeger,
// postgres, rabbitmq, database, backend and notifier created but stopped for the rest of the suite.
// So the whole project is brought back with `docker compose up --detach --wait` afterwards, as a
// learner on Podman does after a rebuild (docs/exercises.md).

const SAVED = join(REPO_ROOT, 'services', 'frontend', 'package.json');

afterAll(async () => {
  // Every service running and healthy again, for whatever runs next.
  await dockerCompose(['up', '--detach', '--wait', '--wait-timeout', '240']);
});

describe('docker compose watch', () => {
  it('rebuilds the frontend and recreates its container when a file in services/frontend is saved', async () => {
    const before = await containerOf('frontend');
    const stop = new AbortController();
    let printed = '';
    const output = new Writable({ write: (chunk: Buffer, _encoding, done) => ((printed += chunk.toString()), done()) });
    const watching = dockerCompose(['watch', '--no-up', 'frontend'], { echo: output, signal: stop.signal }).catch(() => undefined);
    try {
      await waitFor('docker compose watch to watch', async () => (printed.includes('Watch enabled') ? true : undefined), { timeoutMs: 30_000 });
      writeFileSync(SAVED, readFileSync(SAVED));
      const after = await waitFor(
        'the frontend container to be recreated by docker compose watch',
        async () => {
          const now = await containerOf('frontend');
          return now.Id !== before.Id && now.State.Status === 'running' ? now : undefined;
        },
        { timeoutMs: 240_000, intervalMs: 1_000 },
      );
      expect(after.Id).not.toBe(before.Id);
      expect(after.Image).toBe(before.Image);
      expect(printed).toContain('service(s) ["frontend"] successfully built');
    } finally {
      stop.abort();
      await watching;
    }
  });
});
