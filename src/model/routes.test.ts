import { describe, expect, it } from 'vitest';
import { absoluteUrl, routes } from './routes.ts';
import { HEADERS_FILE } from '../publish/security.ts';

/** Every page route of one id or year: the families a link can point to. */
const families = (id: string) => ({
  entry: routes.entry(id),
  title: routes.title(id),
  region: routes.region(id),
  category: routes.category(id),
  year: routes.year(id),
  release: routes.release(id),
  poster: routes.poster(id),
  storyIndex: routes.storyIndex(id),
});

/** Every fixed path of the site: pages, folders and files. */
const fixed = Object.values(routes)
  .flatMap((r) =>
    typeof r === 'string' ? [r] : Array.isArray(r) ? [...r] : typeof r === 'object' ? Object.values(r) : [],
  )
  .filter((r): r is string => typeof r === 'string');

describe('routes: every URL of the site', () => {
  it('are root-relative paths; pages and folders end in a slash, files in their extension', () => {
    for (const path of [...fixed, ...Object.values(families('a-b'))]) {
      expect(path, path).toMatch(/^\/([^/]|$)/);
      expect(path, path).not.toContain('//');
      expect(path, path).toMatch(/(\/|\.[a-z]+|\/_[a-z]+)$/);
    }
  });

  it('never give two families, or two ids, the same page', () => {
    const paths = ['a', 'b', '2026'].flatMap((id) => Object.values(families(id)));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((p) => fixed.includes(p))).toEqual([]);
  });

  it('number the pages of a roll below its first page, one path per page and order', () => {
    const base = routes.region('yaodu');
    expect(routes.listPage(base, 1)).toBe(base);
    const pages = [1, 2, 3].flatMap((n) => [undefined, 'pinyin', 'strokes'].map((v) => routes.listPage(base, n, v)));
    expect(new Set(pages).size).toBe(pages.length);
    for (const p of pages) expect(p.startsWith(base) && p.endsWith('/'), p).toBe(true);
  });

  it('make absolute URLs with one slash between the site and the path', () => {
    for (const site of ['https://hrb.example.cn', 'https://hrb.example.cn/'])
      expect(absoluteUrl(routes.entry('a'), site)).toBe('https://hrb.example.cn/people/a/');
  });

  it('keep every published URL as it was published: links, feeds, printed QR codes and open data point at them', () => {
    expect([
      routes.entry('zhang-jianguo-yaodu'),
      routes.title('shanxi-haoren'),
      routes.region('yaodu'),
      routes.category('zhuren'),
      routes.year(2026),
      routes.release('2026-q1'),
      routes.poster('2026-q1'),
      routes.listPage(routes.region('yaodu'), 2, 'strokes'),
      routes.data.entriesJson,
      routes.data.entriesCsv,
      routes.data.release('2026-q1'),
      routes.feed,
      routes.sitemap,
    ]).toEqual([
      '/people/zhang-jianguo-yaodu/',
      '/honours/shanxi-haoren/',
      '/regions/yaodu/',
      '/categories/zhuren/',
      '/years/2026/',
      '/releases/2026-q1/',
      '/releases/2026-q1/poster/',
      '/regions/yaodu/strokes/2/',
      '/data/entries.json',
      '/data/entries.csv',
      '/data/releases/2026-q1.json',
      '/rss.xml',
      '/sitemap.xml',
    ]);
  });

  it('gives both search indexes their cache headers', () => {
    expect(HEADERS_FILE).toContain(`${routes.namesTable}*\n  Cache-Control: public, max-age=3600`);
    expect(HEADERS_FILE).toContain(`${routes.storyIndexes}*\n  Cache-Control: public, max-age=3600`);
  });
});
