import { describe, expect, it } from 'vitest';
import { EARLIER_SHARD, indexedPart, planIndexes, shardOfPage, storyShards } from './search-index.ts';
import { routes } from '../model/routes.ts';

const page = (slug: string, shard: string, story: string, name = slug) => ({
  url: routes.entry(slug),
  html: `<article data-pagefind-body data-search-shard="${shard}"><h1>${name}</h1><section class="story" data-search-story="true"><p>${story}</p></section></article>`,
});

describe('search shards', () => {
  const q = (n: number) => ({ id: `2026-q${n}`, date: `2026-${String(n * 3 - 2).padStart(2, '0')}-01` });
  const entry = (id: string, ...releases: number[]) => ({
    id,
    ladder: [{}, ...releases.map((n) => ({ release: q(n) }))],
  });

  it('groups entries by the release that first published them, closing a shard at the minimum size', () => {
    const entries = [
      entry('old1'),
      entry('a', 1),
      entry('b', 1),
      entry('c', 3, 1), // first published in q1, honoured again in q3
      entry('d', 2),
      entry('e', 3),
      entry('f', 4),
    ];
    const shards = storyShards(entries, 3);
    expect(Object.fromEntries(shards)).toEqual({
      old1: EARLIER_SHARD,
      a: EARLIER_SHARD,
      b: EARLIER_SHARD,
      c: EARLIER_SHARD,
      d: '2026-q2',
      e: '2026-q2',
      f: '2026-q2',
    });
  });

  it('a new release, or a later honour, leaves every closed shard as it was', () => {
    // Minimum 3: q1 + q2 make a closed shard; q3 opens the next one.
    const before = storyShards([entry('a', 1), entry('b', 1), entry('c', 2), entry('d', 3)], 3);
    const after = storyShards(
      [entry('a', 1, 4), entry('b', 1), entry('c', 2), entry('d', 3), entry('e', 4), entry('f', 4)],
      3,
    );
    for (const [id, shard] of before) expect(after.get(id), id).toBe(shard);
    expect([...new Set(before.values())]).toEqual(['2026-q1', '2026-q3']);
    expect(after.get('e')).toBe('2026-q3'); // the open shard grows
  });

  it('reads the shard from the page and fails loudly on a page without one', () => {
    expect(shardOfPage(page('a', '2026-q1', '').html)).toBe('2026-q1');
    expect(() => shardOfPage('<article data-pagefind-body>')).toThrow(/data-search-shard/);
  });
});

describe('which indexes a change rebuilds', () => {
  const site = [page('a', '2026-q1', '救人'), page('b', '2026-q1', '献血'), page('c', '2026-q2', '支教')];
  const plan = (pages = site, salt = 'lock') => planIndexes(pages, salt);
  const hashes = (p: ReturnType<typeof plan>): Record<string, string> =>
    Object.fromEntries(p.map((s) => [s.name, s.hash]));

  it('makes one story index per shard', () => {
    const p = plan();
    expect(p.flatMap((s) => s.urls)).toEqual([routes.entry('a'), routes.entry('b'), routes.entry('c')]);
    expect(p.map((s) => [s.name, s.urls.length])).toEqual([
      ['stories/2026-q1', 2],
      ['stories/2026-q2', 1],
    ]);
    expect(hashes(plan([...site].reverse()))).toEqual(hashes(p));
  });

  it('a story edit rebuilds that story shard only', () => {
    const before = hashes(plan());
    const after = hashes(plan([site[0]!, page('b', '2026-q1', '献血三十年'), site[2]!]));
    expect(after['stories/2026-q1']).not.toBe(before['stories/2026-q1']);
    expect(after['stories/2026-q2']).toBe(before['stories/2026-q2']);
  });

  it('a new release adds a shard, keeping the other shards', () => {
    const before = hashes(plan());
    const after = hashes(plan([...site, page('d', '2026-q3', '护林')]));
    expect(after['stories/2026-q1']).toBe(before['stories/2026-q1']);
    expect(after['stories/2026-q2']).toBe(before['stories/2026-q2']);
    expect(after['stories/2026-q3']).toBeDefined();
  });

  it('a new Pagefind version (the lockfile) rebuilds everything', () => {
    const before = hashes(plan());
    const after = hashes(plan(site, 'other lock'));
    for (const key of Object.keys(before)) expect(after[key]).not.toBe(before[key]);
  });
});

describe('what Pagefind reads of a page', () => {
  const article = '<article class="entry" data-pagefind-body data-search-shard="x"><h1>张三</h1></article>';
  const pageWith = (related: string) =>
    `<!doctype html><html lang="zh-CN"><head><title>张三</title></head><body><main>${article}` +
    `<aside><article class="card"><a href="${routes.entry(related)}">${related}</a></article></aside></main></body></html>`;

  it('is the indexed article and the page language, so a changed related list changes nothing', () => {
    expect(indexedPart(pageWith('li-si'))).toBe(`<!doctype html><html lang="zh-CN"><body>${article}</body></html>`);
    expect(indexedPart(pageWith('wang-wu'))).toBe(indexedPart(pageWith('li-si')));
  });

  it('keeps an article nested in the story whole', () => {
    const nested =
      '<article data-pagefind-body data-search-shard="x"><section data-search-story><article>引文</article><p>后文</p></section></article>';
    expect(indexedPart(`<html lang="zh-CN"><body>${nested}<footer>页脚</footer></body></html>`)).toContain(
      '<p>后文</p></section></article></body>',
    );
  });
});
