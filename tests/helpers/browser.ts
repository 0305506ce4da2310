/** Chromium for browser tests: its headless shell (scripts/lib/browser.ts says why), launched as `npm run audit` launches the full browser. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { HEADLESS_SHELL, launch as launchBrowser } from '../../scripts/lib/browser.ts';
import { serve } from './serve.ts';

/** A Chromium for a test: the headless shell. */
export const launch = () => launchBrowser(HEADLESS_SHELL);

/**
 * The built sample site served on loopback and a Chromium for a test file:
 * started before its tests, closed after. Read `site.url` and `site.browser` inside tests.
 */
export function sampleSiteInBrowser(): { url: string; browser: Browser } {
  const site = {} as { url: string; browser: Browser; close?: () => Promise<void> };
  beforeAll(async () => {
    const server = await serve(inject('sampleDist'));
    site.url = server.url;
    site.browser = await launch();
    site.close = server.close;
  });
  afterAll(async () => {
    await site.browser.close();
    await site.close?.();
  });
  return site;
}
