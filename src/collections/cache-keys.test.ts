import { describe, expect, it } from 'vitest';
import { entryPageKey, rollPageKey } from './cache-keys.ts';
import { buildRoll, relatedFinder, type EntryInput } from '../roll/roll.ts';
import { releaseNeighbours, rollLists, rollPages } from '../roll/lists.ts';
import { entryInput } from '../../tests/helpers/entry-input.ts';
import { routes } from '../model/routes.ts';
import { EARLIER_SHARD, storyShards } from '../search/search-index.ts';

const labels = { year: (y: number) => `${y}年`, session: (n: number, y: number) => `第${n}届（${y}年）` };
type Source = { digest: string; data: EntryInput };

/** An entry of the 2026 first-quarter release. */
const entry = (name: string, over: Partial<EntryInput> = {}) =>
  entryInput(name, { honours: [{ title: 'city', year: 2026, release: 'q1' }], summary: '多年照顾孤寡老人', ...over });

/** The site as it would build: every entry page key and every roll page key, by path. */
function keys(entries: Record<string, EntryInput>, regionName = '甲区', site = 'site-1', shardMin = 2) {
  const roll = buildRoll<Source>({
    regions: [
      { id: 'a', name: regionName, kind: '区', order: 1, aliases: [] },
      { id: 'b', name: '乙县', kind: '县', order: 2, aliases: [] },
    ],
    categories: [
      { id: 'c1', name: '助人为乐', order: 1, description: '' },
      { id: 'c2', name: '孝老爱亲', order: 2, description: '' },
    ],
    titles: [{ id: 'city', name: '市好人', level: 'city', issuer: 'x', cadence: 'quarter', rank: 1, forMinors: false }],
    releases: [
      { id: 'q1', title: '2026年一季度', date: '2026-03-27', honour: 'city', intro: '' },
      { id: 'q0', title: '2025年四季度', date: '2025-12-26', honour: 'city', intro: '' },
    ],
    // Astro's digest is a hash of the file; the data stands in for it here.
    entries: Object.entries(entries).map(([id, data]) => ({
      id,
      data,
      source: { digest: JSON.stringify(data), data },
    })),
  });
  const lists = rollLists(roll, labels);
  const out = new Map<string, string>();
  // The site's own finder, as src/collections/content.ts builds it.
  const relatedTo = relatedFinder(roll.listed);
  // Shards of two, so a handful of entries spans several (the site closes a shard at 2,000).
  const shards = storyShards(roll.pages, shardMin);
  for (const e of roll.pages) {
    const shard = shards.get(e.id) ?? EARLIER_SHARD;
    out.set(routes.entry(e.id), entryPageKey(site, e, relatedTo(e), releaseNeighbours(e, lists), shard));
  }
  // Roll pages are keyed as the pages key them.
  for (const page of rollPages(lists, 2)) out.set(page.path, rollPageKey(site, page));
  return out;
}

const base = {
  zhang: entry('张三'),
  li: entry('李四'),
  wang: entry('王五', { region: 'b', category: 'c2' }),
  zhao: entry('赵六', { region: 'b', category: 'c2', honours: [{ title: 'city', year: 2025 }] }),
};

function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
}

describe('incremental-build cache keys', () => {
  const before = keys(base);

  it('are stable when nothing changed', () => {
    expect(changed(before, keys({ ...base }))).toEqual([]);
  });

  it('change for the entry, the pages that list it, and the entries that show it beside them', () => {
    const after = keys({ ...base, li: entry('李四', { summary: '义务理发二十年' }) });
    const touched = changed(before, after);
    expect(touched).toContain(routes.entry('li'));
    // 张三 shows 李四 as related and as the next entry in the release.
    expect(touched).toContain(routes.entry('zhang'));
    expect(touched).toContain(routes.region('a'));
    expect(touched).toContain(routes.people);
    // 赵六 shares nothing with 李四 and lists it nowhere.
    expect(touched).not.toContain(routes.entry('zhao'));
  });

  it('change every page that shows a renamed region, and every page for new site settings', () => {
    const renamed = changed(before, keys(base, '甲市'));
    expect(renamed).toEqual(
      expect.arrayContaining([routes.entry('zhang'), routes.entry('li'), routes.region('a'), routes.people]),
    );
    // The 乙县 roll lists only 乙县 entries: it does not show the name.
    expect(renamed).not.toContain(routes.region('b'));
    expect(changed(before, keys(base, '甲区', 'site-2')).length).toBe(before.size);
  });

  it('change page 1 of every roll family when an entry on a last page is withdrawn: page 1 prints the total', () => {
    // Six entries in region a, category c1, title city, year 2026 and release q1: pages of two, the last holds 赵 and 周.
    const many = {
      ...base,
      zhou: entry('周七'),
      wu: entry('吴八'),
      zheng: entry('郑九'),
    };
    const first = keys(many);
    const withdrawn = keys({
      ...many,
      zhou: entry('周七', { status: 'withdrawn', withdrawal: { reason: '事迹不实', date: '2026-05-01' } }),
    });
    const touched = changed(first, withdrawn);
    for (const roll of [
      routes.people,
      routes.region('a'),
      routes.category('c1'),
      routes.title('city'),
      routes.year(2026),
      routes.release('q1'),
    ]) {
      expect(touched, roll).toContain(roll);
      // Release rolls list 按姓氏笔画 by default, the others by pinyin.
      expect(touched, `${roll} in the other order`).toContain(
        `${roll}${roll.startsWith(routes.releases) ? 'pinyin' : 'strokes'}/`,
      );
    }
  });

  it("change only the roll pages that show an edited entry: the others show its roll's counts, not its entries", () => {
    // Six entries in region a (and in every roll of the people, c1, city, 2026 and q1), pages of two.
    const many = { ...base, zhou: entry('周七'), wu: entry('吴八'), zheng: entry('郑九') };
    const first = keys(many);
    const touched = changed(first, keys({ ...many, zheng: entry('郑九', { summary: '义务理发二十年' }) }));
    // Region a by pinyin, pages of two: 李四 吴八 | 张三 郑九 | 周七. Page 2 shows 郑九; pages 1 and 3 do not.
    expect(touched).toContain(routes.listPage(routes.region('a'), 2));
    expect(touched).not.toContain(routes.region('a'));
    expect(touched).not.toContain(routes.listPage(routes.region('a'), 3));
    expect(touched).not.toContain(routes.people);
  });

  it('change the pages of a roll that a new entry lengthens or shifts', () => {
    const after = keys({ ...base, an: entry('安七', { region: 'b', category: 'c2' }) });
    const touched = changed(before, after);
    expect(touched).toContain(routes.entry('an'));
    // A new page 2 of the region roll and the whole-site roll; page 1 shows the new total.
    expect(touched).toContain(routes.region('b'));
    expect(touched).toContain(routes.people);
    expect(touched).toContain(routes.listPage(routes.people, 2));
  });

  it('change the entry pages whose story search shard moves, though nothing else about them changed', () => {
    // A backdated release fills the first shard, so the 2026 first quarter's entries open a shard of their own.
    const backdated = (name: string) =>
      entryInput(name, { region: 'b', category: 'c2', honours: [{ title: 'city', year: 2025, release: 'q0' }] });
    const after = keys({ ...base, an: backdated('安七'), bai: backdated('白八') }, '甲区', 'site-1');
    const touched = changed(before, after);
    expect(touched).toContain(routes.entry('zhang'));
    expect(touched).toContain(routes.entry('li'));
    const sameShard = keys({ ...base, an: backdated('安七'), bai: backdated('白八') }, '甲区', 'site-1', 100);
    expect(changed(keys(base, '甲区', 'site-1', 100), sameShard)).not.toContain(routes.entry('zhang'));
  });
});
