/** The browser half of the quality audit: axe (WCAG 2.2 AA; AAA contrast in large-text mode) and elderly-friendly practice on every page family. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { auditPage } from '../../scripts/audit/browser.ts';
import { pageFamilies } from '../../scripts/audit/pages.ts';

const dist = inject('sampleDist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serve(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility and elderly-friendly practice', () => {
  for (const large of [false, true]) {
    it(
      `has no axe violations, small text, small targets, hidden focus or foreign requests (${large ? 'large-text' : 'normal'} mode)`,
      { timeout: 180_000 },
      async () => {
        const problems: string[] = [];
        for (const { family, path } of pageFamilies(dist)) {
          const a = await auditPage(browser, server.url, path, large);
          for (const p of [...a.violations, ...a.elderly, ...a.foreign]) problems.push(`${family} ${path}: ${p}`);
        }
        expect(problems).toEqual([]);
      },
    );
  }
});
