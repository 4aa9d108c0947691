import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

// The browser suites' Chromium, one set-up for all of them. Screenshots are taken on every run, into
// .stack/screenshots/; with UPDATE_SCREENSHOTS=1 into docs/images/, the ones the docs show (a test
// run must not leave the working tree changed).

// Debian's package, installed by `npm run setup`; the browser builds Playwright downloads are not
// reachable from these machines.
const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../..', process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/images' : '.stack/screenshots');
export const VIEWPORT = { width: 1360, height: 860 };

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run \`npm run setup\` (it installs Debian's chromium package)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

// A fresh page for one test, and its teardown for beforeEach to return: it closes the page and
// fails the test on any uncaught error the page threw meanwhile.
export async function checkedPage(browser: Browser): Promise<{ page: Page; closeAndCheck: () => Promise<void> }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const closeAndCheck = async () => {
    await page.close();
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  };
  return { page, closeAndCheck };
}
