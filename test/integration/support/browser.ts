import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '@tracing-lab/scripts/chromium';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';

// The browser suites' Chromium, one set-up for all of them. Screenshots are taken on every run, into
// .stack/screenshots/; with UPDATE_SCREENSHOTS=1 into docs/images/, the ones the docs show (a test
// run must not leave the working tree changed).

export const SCREENSHOTS = resolve(__dirname, '../../..', process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/images' : '.stack/screenshots');
export const VIEWPORT = { width: 1360, height: 860 };

// The browser suites' hooks, registered by the suite's file: one Chromium for the file, and a fresh
// page for each test, handed to `usePage`. The test fails on any uncaught error the page threw.
export function pagePerTest(usePage: (page: Page) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The lab's Chromium (scripts/src/chromium.ts), which the benchmark uses too.
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    usePage(page);
    return async () => {
      await page.close();
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    };
  });
}
