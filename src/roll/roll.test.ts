import { describe, expect, it } from 'vitest';
import {
  buildRoll,
  entriesOfRelease,
  newestFirst,
  hallOfHonour,
  titleNameIn,
  type EntryInput,
  type RollInput,
} from './roll.ts';
import { statistics } from './stats.ts';
import { entryInput } from '../../tests/helpers/entry-input.ts';

const title = (id: string, level: 'county' | 'city' | 'provincial' | 'national', rank = 1) => ({
  id,
  name: id,
  level,
  issuer: '文明办',
  cadence: 'year' as const,
  rank,
  forMinors: false,
});

const base = (name: string, honours: EntryInput['honours'], over: Partial<EntryInput> = {}): EntryInput =>
  entryInput(name, { category: 'c', honours, ...over });

function input(entries: Array<[string, EntryInput]>): RollInput<string> {
  return {
    regions: [
      { id: 'b', name: '乙县', kind: '县', order: 2, aliases: [] },
      { id: 'a', name: '甲区', kind: '区', order: 1, aliases: [] },
    ],
    categories: [{ id: 'c', name: '助人为乐', order: 1, description: '' }],
    titles: [
      title('county', 'county'),
      title('city', 'city'),
      title('city2', 'city', 2),
      title('nation', 'national'),
      title('prov', 'provincial'),
    ],
    releases: [
      { id: 'r1', title: '第一期', date: '2025-09-26', honour: 'city', intro: '' },
      { id: 'r2', title: '第二期', date: '2026-03-27', honour: 'city', intro: '' },
    ],
    entries: entries.map(([id, data]) => ({ id, data, source: id })),
  };
}

describe('buildRoll', () => {
  it('drops drafts, keeps withdrawn entries as pages but not in lists', () => {
    const roll = buildRoll(
      input([
        ['a', base('张三', [{ title: 'city', year: 2025 }])],
        ['b', base('李四', [{ title: 'city', year: 2025 }], { draft: true })],
        ['c', base('王五', [{ title: 'city', year: 2025 }], { status: 'withdrawn' })],
      ]),
    );
    expect(roll.pages.map((p) => p.id).sort()).toEqual(['a', 'c']);
    expect(roll.listed.map((p) => p.id)).toEqual(['a']);
  });

  it('joins references given as ids or as Astro reference objects', () => {
    const roll = buildRoll(
      input([
        [
          'a',
          base('张三', [{ title: { collection: 'titles', id: 'nation' }, year: 2021 }], {
            region: { collection: 'regions', id: 'b' },
          }),
        ],
      ]),
    );
    expect(roll.pages[0]?.region.name).toBe('乙县');
    expect(roll.pages[0]?.highest.title.id).toBe('nation');
  });

  it('orders honours as a ladder from county up to nation', () => {
    const roll = buildRoll(
      input([
        [
          'a',
          base('张三', [
            { title: 'nation', year: 2021 },
            { title: 'county', year: 2019 },
            { title: 'prov', year: 2020 },
            { title: 'city2', year: 2024 },
            { title: 'city', year: 2018 },
          ]),
        ],
      ]),
    );
    expect(roll.pages[0]?.ladder.map((h) => h.title.id)).toEqual(['county', 'city2', 'city', 'prov', 'nation']);
    expect(roll.pages[0]?.highest.title.id).toBe('nation');
  });

  it('sorts names by surname pinyin: 曾 reads zēng, so it comes after 陈 and before 张', () => {
    const roll = buildRoll(
      input([
        ['z', base('张伟', [{ title: 'city', year: 2025 }])],
        ['c', base('曾伟', [{ title: 'city', year: 2025 }])],
        ['h', base('陈伟', [{ title: 'city', year: 2025 }])],
        ['s', base('单伟', [{ title: 'city', year: 2025 }])],
      ]),
    );
    expect(roll.listed.map((e) => e.name)).toEqual(['陈伟', '单伟', '曾伟', '张伟']);
  });

  it('sorts regions by official order and releases newest first', () => {
    const roll = buildRoll(input([]));
    expect(roll.regions.map((r) => r.id)).toEqual(['a', 'b']);
    expect(roll.releases.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(roll.titles.map((t) => t.id)).toEqual(['nation', 'prov', 'city', 'city2', 'county']);
  });

  it('throws on a dangling reference instead of rendering a broken page', () => {
    expect(() =>
      buildRoll(input([['a', base('张三', [{ title: 'city', year: 2025 }], { region: 'nowhere' })]])),
    ).toThrow(/Unknown region "nowhere"/);
  });
});

describe('counts and slices', () => {
  const roll = buildRoll(
    input([
      [
        'a',
        base('张三', [
          { title: 'city', year: 2025, release: 'r1' },
          { title: 'nation', year: 2026 },
        ]),
      ],
      ['b', base('李四', [{ title: 'city', year: 2026, release: 'r2' }])],
      ['c', base('王五', [{ title: 'county', year: 2024 }])],
      ['d', base('赵六', [{ title: 'nation', year: 2026 }], { status: 'withdrawn' })],
    ]),
  );

  it('counts each listed honouree once per level they hold, withdrawn excluded', () => {
    const byLevel = statistics(roll, (l) => l, String).byLevel.map((t) => [t.key, t.count]);
    expect(byLevel).toEqual([
      ['national', 1],
      ['provincial', 0],
      ['city', 2],
      ['county', 1],
    ]);
  });

  it('finds the entries of a release and the newest entries', () => {
    expect(entriesOfRelease(roll.listed, 'r2').map((e) => e.id)).toEqual(['b']);
    expect(newestFirst(roll.listed, 2).map((e) => e.id)).toEqual(['b', 'a']);
  });
});

describe('county titles', () => {
  it('show a county’s own title by its county’s name, and any other title by its own', () => {
    const county = { name: '县（市、区）好人', perCounty: '{county}好人' };
    expect(titleNameIn(county, { name: '隰县' })).toBe('隰县好人');
    expect(titleNameIn({ name: '临汾好人' }, { name: '隰县' })).toBe('临汾好人');
  });
});

describe('the hall of honour', () => {
  it('shows national models before provincial ones, newest first within a level, and no city or county honour', () => {
    const roll = buildRoll(
      input([
        ['old-nation', base('甲', [{ title: 'nation', year: 2019 }])],
        ['prov', base('乙', [{ title: 'prov', year: 2025 }])],
        ['new-nation', base('丙', [{ title: 'nation', year: 2024 }])],
        ['city', base('丁', [{ title: 'city', year: 2026 }])],
      ]),
    );
    expect(hallOfHonour(roll.listed, 10).map((e) => e.id)).toEqual(['new-nation', 'old-nation', 'prov']);
    expect(hallOfHonour(roll.listed, 1).map((e) => e.id)).toEqual(['new-nation']);
  });
});
