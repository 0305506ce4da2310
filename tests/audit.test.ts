/** The static half of the quality audit, on the built sample site: valid HTML, no broken links, the security policy. */
import { describe, expect, inject, it } from 'vitest';
import { brokenReferences, htmlErrors, securityProblems } from '../scripts/audit/static.ts';
import { pageFamilies } from '../scripts/audit/pages.ts';

const dist = inject('sampleDist');

describe('quality audit (static)', () => {
  it('every page is valid HTML under html-validate:recommended', async () => {
    expect(await htmlErrors(dist)).toEqual([]);
  });

  it('every internal link and asset reference resolves to a file', () => {
    expect(brokenReferences(dist)).toEqual([]);
  });

  it('every page has a CSP without inline script, loads nothing from elsewhere, and _headers is complete', () => {
    expect(securityProblems(dist)).toEqual([]);
  });

  it('finds a page of every family to audit in the browser', () => {
    // Named, so a family that stops being found (a renamed class, a missing page) fails here.
    expect(pageFamilies(dist).map((p) => p.family)).toEqual([
      'home',
      'entry with photo',
      'entry without photo',
      'withdrawn entry',
      'minor',
      'everyone',
      'titles',
      'title roll',
      'regions',
      'region roll (strokes)',
      'categories',
      'category roll',
      'years',
      'year roll',
      'releases',
      'release',
      'poster',
      'statistics',
      'search with results',
      'nomination',
      '404',
    ]);
  });
});
