import { describe, expect, it } from 'vitest';
import { buildRoll, relatedFinder, type EntryInput } from './roll.ts';
import { releaseNeighbours, restParam, rollHref, rollLists, rollPages } from './lists.ts';
import { entryInput } from '../../tests/helpers/entry-input.ts';
import { routes } from '../model/routes.ts';

const labels = { year: (y: number) => `${y}年`, session: (n: number, y: number) => `第${n}届（${y}年）` };

const entry = entryInput;

function makeRoll(entries: Array<[string, EntryInput]>) {
  return buildRoll({
    regions: [
      { id: 'a', name: '甲区', kind: '区', order: 1, aliases: [] },
      { id: 'b', name: '乙县', kind: '县', order: 2, aliases: [] },
    ],
    categories: [
      { id: 'c1', name: '助人为乐', order: 1, description: '' },
      { id: 'c2', name: '孝老爱亲', order: 2, description: '' },
    ],
    titles: [
      { id: 'city', name: '市好人', level: 'city', issuer: 'x', cadence: 'quarter', rank: 1, forMinors: false },
      { id: 'model', name: '道德模范', level: 'city', issuer: 'x', cadence: 'session', rank: 2, forMinors: false },
    ],
    releases: [{ id: '2026-q1', title: '2026年一季度', date: '2026-03-27', honour: 'city', intro: '' }],
    entries: entries.map(([id, data]) => ({ id, data, source: id })),
  });
}

describe('roll URLs', () => {
  const list = { base: routes.region('a'), defaultOrder: 'pinyin' as const };
  it('puts the default order at the base and the other order under its name', () => {
    expect(rollHref(list, 1, 'pinyin')).toBe(routes.region('a'));
    expect(rollHref(list, 3, 'pinyin')).toBe('/regions/a/3/');
    expect(rollHref(list, 1, 'strokes')).toBe('/regions/a/strokes/');
    expect(rollHref(list, 2, 'strokes')).toBe('/regions/a/strokes/2/');
    expect(rollHref({ base: routes.release('x'), defaultOrder: 'strokes' }, 1, 'pinyin')).toBe('/releases/x/pinyin/');
  });
});

describe('rollPages', () => {
  const many = Array.from({ length: 30 }, (_, i): [string, EntryInput] => [
    `p${i}`,
    entry(`张${'一二三四五六七八九十'[i % 10]}${i}`),
  ]);
  const roll = makeRoll([
    ...many,
    ['w', entry('王撤', { status: 'withdrawn' })],
    ['b1', entry('李乙', { region: 'b', category: 'c2', honours: [{ title: 'model', year: 2021, session: 7 }] })],
    [
      'b2',
      entry('赵乙', {
        region: 'b',
        honours: [
          { title: 'model', year: 2023, session: 8 },
          { title: 'city', year: 2026, release: '2026-q1' },
        ],
      }),
    ],
  ]);
  const lists = rollLists(roll, labels);
  const pages = rollPages(lists, 12);

  it('makes a roll for everyone and for each title, region, category, year and release', () => {
    expect(lists.map((l) => `${l.family}:${l.key}`)).toEqual([
      'people:',
      'honours:city',
      'honours:model',
      'regions:a',
      'regions:b',
      'categories:c1',
      'categories:c2',
      'years:2026',
      'years:2025',
      'years:2023',
      'years:2021',
      'releases:2026-q1',
    ]);
  });

  it('splits a roll into pages in both orders, every entry exactly once, withdrawn never', () => {
    const people = pages.filter((p) => p.list.family === 'people' && p.order === 'pinyin');
    expect(people.map((p) => [p.number, p.total, p.items.length, p.path])).toEqual([
      [1, 3, 12, routes.people],
      [2, 3, 12, '/people/2/'],
      [3, 3, 8, '/people/3/'],
    ]);
    const ids = people.flatMap((p) => p.items.map((e) => e.id));
    expect(new Set(ids).size).toBe(32);
    expect(ids).not.toContain('w');
    expect(people[1]?.offset).toBe(12);
    expect(pages.filter((p) => p.list.family === 'people' && p.order === 'strokes').map((p) => p.path)).toEqual([
      '/people/strokes/',
      '/people/strokes/2/',
      '/people/strokes/3/',
    ]);
    expect(restParam(people[0]!)).toBeUndefined();
    expect(restParam(people[2]!)).toBe('3');
  });

  it('groups a title roll by session or year, newest first', () => {
    const model = pages.find((p) => p.list.key === 'model' && p.order === 'pinyin');
    expect(model?.groups.map((g) => [g.label, g.items.map((e) => e.name)])).toEqual([
      ['第8届（2023年）', ['赵乙']],
      ['第7届（2021年）', ['李乙']],
    ]);
  });

  it('gives an empty roll one page', () => {
    const empty = rollPages(rollLists(makeRoll([]), labels), 12).filter((p) => p.list.family === 'people');
    expect(empty.map((p) => [p.path, p.items.length])).toEqual([
      [routes.people, 0],
      ['/people/strokes/', 0],
    ]);
  });

  it('finds previous and next within the entry’s release, in stroke order', () => {
    const r = makeRoll([
      ['wang', entry('王五', { honours: [{ title: 'city', year: 2026, release: '2026-q1' }] })],
      ['ding', entry('丁一', { honours: [{ title: 'city', year: 2026, release: '2026-q1' }] })],
      ['zeng', entry('曾二', { honours: [{ title: 'city', year: 2026, release: '2026-q1' }] })],
      ['solo', entry('孙三')],
    ]);
    const ls = rollLists(r, labels);
    const wang = r.listed.find((e) => e.id === 'wang')!;
    const around = releaseNeighbours(wang, ls);
    expect([around?.prev?.name, around?.next?.name]).toEqual(['丁一', '曾二']);
    expect(
      releaseNeighbours(
        r.listed.find((e) => e.id === 'solo')!,
        ls,
      ),
    ).toBeUndefined();
  });
});

describe('relatedFinder (the finder pages use)', () => {
  it('prefers same region and category, then region, then category, and never the entry itself', () => {
    const roll = makeRoll([
      ['self', entry('自己')],
      ['both', entry('同区同类')],
      ['region', entry('同区', { category: 'c2' })],
      ['category', entry('同类', { region: 'b' })],
      ['none', entry('无关', { region: 'b', category: 'c2' })],
    ]);
    const self = roll.listed.find((e) => e.id === 'self')!;
    expect(relatedFinder(roll.listed)(self).map((e) => e.id)).toEqual(['both', 'region', 'category']);
  });

  it('suggests the nearest names, so a new entry changes only its neighbours’ suggestions', () => {
    const names: Array<[string, EntryInput]> = ['安', '白', '陈', '邓', '范', '高', '韩', '金'].map((s) => [
      s,
      entry(`${s}明`),
    ]);
    const related = (roll: ReturnType<typeof makeRoll>, id: string) =>
      relatedFinder(roll.listed, 2)(roll.listed.find((e) => e.id === id)!).map((e) => e.id);
    const before = makeRoll(names);
    expect(related(before, '邓')).toEqual(['范', '陈']);
    expect(related(before, '安')).toEqual(['白', '陈']);
    // A newcomer sorting between 高 (gāo) and 韩 changes what 高 and 韩 suggest, not 邓 or 安.
    const after = makeRoll([...names, ['郭', entry('郭明')]]);
    expect(related(after, '邓')).toEqual(['范', '陈']);
    expect(related(after, '安')).toEqual(['白', '陈']);
    expect(related(after, '高')).toEqual(['郭', '范']);
  });
});
