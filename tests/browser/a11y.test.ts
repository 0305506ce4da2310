/** The browser half of the quality audit: axe (WCAG 2.2 AA; AAA contrast in large-text mode) and elderly-friendly practice on every page family. */
import { describe, inject, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';
import { auditSession } from '../../scripts/audit/browser.ts';
import { pageFamilies } from '../../scripts/audit/pages.ts';

const site = sampleSiteInBrowser();

describe('accessibility and elderly-friendly practice', () => {
  // Both modes at once, each in pages of its own: most of a pass is waiting on the browser.
  for (const large of [false, true]) {
    it.concurrent(
      `has no axe violations, small text, small targets, hidden focus or foreign requests (${large ? 'large-text' : 'normal'} mode)`,
      { timeout: 240_000 },
      async ({ expect }) => {
        const problems: string[] = [];
        const session = await auditSession(site.browser, site.url, large);
        for (const { family, path } of pageFamilies(inject('sampleDist'))) {
          const a = await session.audit(path);
          for (const p of [...a.violations, ...a.elderly, ...a.foreign]) problems.push(`${family} ${path}: ${p}`);
        }
        await session.close();
        expect(problems).toEqual([]);
      },
    );
  }
});
