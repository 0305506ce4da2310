import { describe, expect, it } from 'vitest';
import { editDistance, lookupRef, refMessage, type RefLists } from './ref-names.ts';

const lists: RefLists = {
  regions: new Map([
    ['yaodu', { name: '尧都区', aliases: ['尧都'] }],
    ['houma', { name: '侯马市', aliases: ['侯马'] }],
    ['jixian', { name: '吉县', aliases: [] }],
  ]),
  categories: new Map([
    ['zhuren', { name: '助人为乐' }],
    ['jianyi', { name: '见义勇为' }],
  ]),
  titles: new Map([
    ['lf-hr', { name: '临汾好人', short: '临汾好人', issuer: '临汾市文明办' }],
    ['sx-hr', { name: '山西好人', short: '山西好人', issuer: '山西省文明办' }],
    ['lf-zyz', { name: '临汾市最佳志愿者', short: '最佳志愿者', issuer: '临汾市文明办' }],
    ['sx-zyz', { name: '山西省最佳志愿者', short: '最佳志愿者', issuer: '山西省文明办' }],
  ]),
  releases: new Map([['2026-q3', { honour: 'lf-hr', date: '2026-09-25' }]]),
};

describe('lookupRef: names where people type', () => {
  it('reads an official name, an alias, a short name and an id typed in capitals as the id', () => {
    expect(lookupRef(lists, 'region', 'houma')).toEqual({ is: 'id' });
    expect(lookupRef(lists, 'region', '侯马市')).toEqual({ is: 'name', id: 'houma' });
    expect(lookupRef(lists, 'region', '侯马')).toEqual({ is: 'name', id: 'houma' });
    expect(lookupRef(lists, 'region', 'Houma')).toEqual({ is: 'name', id: 'houma' });
    expect(lookupRef(lists, 'category', '助人为乐')).toEqual({ is: 'name', id: 'zhuren' });
    expect(lookupRef(lists, 'title', '临汾好人')).toEqual({ is: 'name', id: 'lf-hr' });
    expect(lookupRef(lists, 'title', '“临汾好人”')).toEqual({ is: 'name', id: 'lf-hr' });
    expect(lookupRef(lists, 'release', '第3期', { title: 'lf-hr', year: 2026 })).toEqual({ is: 'name', id: '2026-q3' });
    expect(lookupRef(lists, 'release', '2026年第三季度', { title: 'lf-hr', year: 2026 })).toEqual({
      is: 'name',
      id: '2026-q3',
    });
  });

  it('says a name two records share is ambiguous, and finds near misses by id and by name', () => {
    expect(lookupRef(lists, 'title', '最佳志愿者')).toEqual({ is: 'ambiguous', ids: ['lf-zyz', 'sx-zyz'] });
    expect(lookupRef(lists, 'region', 'houmaa')).toEqual({ is: 'unknown', near: ['houma'] });
    expect(lookupRef(lists, 'region', '侯马县')).toEqual({ is: 'unknown', near: ['houma'] });
    expect(lookupRef(lists, 'region', 'nowhere')).toEqual({ is: 'unknown', near: [] });
    expect(editDistance('yaodou', 'yaodu')).toBe(1);
  });

  it('words each case with the ids computed from the lists', () => {
    expect(refMessage(lists, 'region', '侯马市', '地区', 'regions.yaml')).toMatch(/请改为 houma（或运行 .*--fix/);
    expect(refMessage(lists, 'title', '最佳志愿者', '称号', 'titles.yaml')).toBe(
      '称号 “最佳志愿者” 可以指 lf-zyz（临汾市最佳志愿者） 或 sx-zyz（山西省最佳志愿者）：请改为其中正确的那个 id',
    );
    expect(refMessage(lists, 'region', '侯马县', '地区', 'regions.yaml')).toBe(
      '地区 “侯马县” 不存在：是不是 houma（侯马市）？请改为 regions.yaml 中的 id',
    );
    expect(refMessage(lists, 'region', 'nowhere', '地区', 'regions.yaml')).toBe(
      '地区 “nowhere” 不存在，请改为 regions.yaml 中的某个 id：yaodu（尧都区）、houma（侯马市）、jixian（吉县）',
    );
  });
});
