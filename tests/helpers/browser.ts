/** Debian's Chromium through playwright-core: no browser download is possible here. */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serve } from './serve.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

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
