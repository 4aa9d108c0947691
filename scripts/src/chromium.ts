import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

// The headless Chromium that opens the lab's pages, for the browser tests and the benchmark's
// explorer figure alike: Debian's package, installed by `npm run setup`, since the browser builds
// Playwright downloads are not reachable from these machines.
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run \`npm run setup\` (it installs Debian's chromium package)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}
