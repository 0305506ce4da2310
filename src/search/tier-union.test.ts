import { describe, expect, it } from 'vitest';
import { PAGE_FILTER, earlierCounts, pagesOf, unionCounts, type KnownResult } from './tier-union.ts';

const row = (url: string, region: string, kind = '个人'): KnownResult => ({
  url,
  filters: { region: [region], kind: [kind] },
});
const zhang = row('/people/zhang/', '尧都区');
const wang = row('/people/wang/', '洪洞县');
const li = row('/people/li/', '洪洞县', '集体');

describe('the union of the search tiers', () => {
  it('counts a page both tiers found once, and adds the pages only the names table found', () => {
    // The story indexes found 张 and 李 (and a third page by its story); the names table found 张 and 王.
    const later = {
      filters: {
        region: { 尧都区: 1, 洪洞县: 1, 霍州市: 1 },
        kind: { 个人: 2, 集体: 1 },
        [PAGE_FILTER]: { '/people/zhang/': 1, '/people/li/': 1, '/people/zhao/': 1, '/people/gone/': 0 },
      },
      totalFilters: {},
    };
    const union = unionCounts({ chosen: [zhang, wang], found: [zhang, wang] }, later);
    expect(union.count).toBe(4);
    expect(union.filters.region).toEqual({ 尧都区: 1, 洪洞县: 2, 霍州市: 1 });
    expect(union.filters.kind).toEqual({ 个人: 3, 集体: 1 });
    expect(union.filters[PAGE_FILTER]).toBeUndefined();
    // Without chosen filters Pagefind's totals are its counts.
    expect(union.totalFilters.region).toEqual({ 尧都区: 1, 洪洞县: 2, 霍州市: 1 });
    expect([...union.shownAbove]).toEqual(['/people/zhang/', '/people/wang/']);
  });

  it('counts the query without the chosen filters from both tiers too', () => {
    // 洪洞县 chosen: the names table keeps 王 of 张 and 王; the story indexes found 李 (and 张 without the filter).
    const later = {
      filters: { region: { 洪洞县: 1, 尧都区: 0 }, [PAGE_FILTER]: { '/people/li/': 1, '/people/zhang/': 0 } },
      totalFilters: { region: { 洪洞县: 1, 尧都区: 1 }, [PAGE_FILTER]: { '/people/li/': 1, '/people/zhang/': 1 } },
    };
    const union = unionCounts({ chosen: [wang], found: [zhang, wang] }, later);
    expect(union.count).toBe(2);
    expect(union.filters.region).toEqual({ 洪洞县: 2, 尧都区: 0 });
    expect(union.totalFilters.region).toEqual({ 洪洞县: 2, 尧都区: 1 });
  });

  it('is the names table alone before the story indexes answer', () => {
    const alone = earlierCounts({ chosen: [wang, li], found: [zhang, wang, li] });
    expect(alone.count).toBe(2);
    expect(alone.filters.kind).toEqual({ 个人: 1, 集体: 1 });
    expect(alone.totalFilters.region).toEqual({ 尧都区: 1, 洪洞县: 2 });
  });

  it('reads the pages an answer found from its page filter', () => {
    expect([...pagesOf({ [PAGE_FILTER]: { '/a/': 2, '/b/': 0 } })]).toEqual(['/a/']);
    expect(pagesOf({}).size).toBe(0);
  });
});
