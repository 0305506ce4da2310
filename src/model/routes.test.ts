import { describe, expect, it } from 'vitest';
import { absoluteUrl, routes } from './routes.ts';
import { HEADERS_FILE } from '../publish/security.ts';

describe('routes: every URL of the site', () => {
  it('builds the paths pages link to', () => {
    expect(routes.entry('zhang-jianguo-yaodu')).toBe('/people/zhang-jianguo-yaodu/');
    expect(routes.region('yaodu')).toBe('/regions/yaodu/');
    expect(routes.year(2026)).toBe('/years/2026/');
    expect(routes.poster('2026-q1')).toBe('/releases/2026-q1/poster/');
    expect(routes.storyIndex('2026')).toBe('/pagefind-stories/2026/');
    expect(absoluteUrl(routes.entry('a'), 'https://hrb.example.cn')).toBe('https://hrb.example.cn/people/a/');
  });

  it('gives both search indexes their cache headers', () => {
    expect(HEADERS_FILE).toContain(`${routes.namesTable}*\n  Cache-Control: public, max-age=3600`);
    expect(HEADERS_FILE).toContain(`${routes.storyIndexes}*\n  Cache-Control: public, max-age=3600`);
  });
});
