import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium as launchLabChromium } from '@tracing-lab/scripts/chromium';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

// The browser suites' Chromium, one set-up for all of them. Screenshots are taken on every run, into
// .stack/screenshots/; with UPDATE_SCREENSHOTS=1 into docs/images/, the ones the docs show (a test
// run must not leave the working tree changed).

export const SCREENSHOTS = resolve(__dirname, '../../..', process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/images' : '.stack/screenshots');
export const VIEWPORT = { width: 1360, height: 860 };

// The lab's Chromium (scripts/src/chromium.ts, which the benchmark uses too), with the screenshot folder ready.
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return launchLabChromium();
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
