import { describe, expect, it } from 'vitest';
import { nameSyllables } from '../model/names.ts';
import type { Level } from '../model/schema.ts';
import {
  answer,
  facetCounts,
  fileOf,
  keyOf,
  planNamesTable,
  queryWords,
  readRow,
  rowPassesFilters,
  storeRow,
  type NameRow,
} from './names-table.ts';

const row = (name: string, level: Level = 'county', region = '尧都区'): NameRow => ({
  url: `/people/${name}/`,
  name,
  pinyin: nameSyllables(name),
  level,
  honour: '好人',
  summary: `${name}的事迹。`,
  filters: { region: [region], kind: ['个人'] },
});

/** What a query finds, as the search page does it: one file, the longest key the first word starts with. */
function search(rows: NameRow[], q: string, max: number): { names: string[]; partial: boolean } {
  const { index, files } = planNamesTable(rows, max);
  const [first = ''] = queryWords(q);
  const file = files.find((f) => f.key === keyOf(first, new Set(index.split)));
  return { names: answer((file?.rows ?? []).map(readRow), q).map((r) => r.name), partial: file?.partial ?? false };
}

describe('the names table', () => {
  const roll = ['张建国', '曾小红', '欧阳明', '王秀英', '张伟', '李建国', '安泽县第13438志愿服务队'].map((n) => row(n));

  it.each([
    ['张建国', '张建国'],
    ['建国', '张建国'],
    ['张建', '张建国'],
    ['zhangjianguo', '张建国'],
    ['zhang jianguo', '张建国'],
    ['ZJG', '张建国'],
    ['zengxiaohong', '曾小红'],
    ['zxh', '曾小红'],
    ['ouyang ming', '欧阳明'],
    ['oym', '欧阳明'],
    ['秀英', '王秀英'],
    ['１３４３８', '安泽县第13438志愿服务队'],
  ])('finds %s', (q, name) => {
    for (const max of [100, 3]) expect(search(roll, q, max).names, `${q} (max ${max})`).toContain(name);
  });

  it('puts the exact name first and finds nothing for a name not on the roll', () => {
    expect(search(roll, '建国', 100).names).toEqual(['李建国', '张建国']);
    expect(search(roll, '李建国', 100).names[0]).toBe('李建国');
    expect(search(roll, '赵六', 100).names).toEqual([]);
  });

  it('keeps every file at most `max` rows, splitting a key into longer ones, highest honour first', () => {
    const many = [
      ...Array.from({ length: 30 }, (_, i) =>
        row(`张${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x4e50 + i)}`),
      ),
      row('张国华', 'national'),
    ];
    const { index, files } = planNamesTable(many, 10);
    for (const f of files) expect(f.rows.length, f.key).toBeLessThanOrEqual(10);
    expect(index.split).toContain('张');
    const zhang = files.find((f) => f.key === '张');
    expect(zhang?.partial).toBe(true);
    expect(zhang?.rows[0]?.[1]).toBe('张国华');
    // A longer query finds its name in the longer key's file, complete.
    const name = many[17]?.name ?? '';
    expect(search(many, name, 10)).toEqual({ names: [name], partial: false });
  });

  it('stores a row so it reads back the same, and names files in the letters a-p', () => {
    const r = { ...row('欧阳明'), image: '/_astro/photo-abcdefghijklmnop-96x128.webp' };
    expect(readRow(storeRow(r))).toEqual(r);
    expect(fileOf('张')).toBe('oflmka.json');
    // Any name is a safe file name: no digits to read as a number, no path, no dots.
    for (const key of ['13', '../..', '/etc', 'a\\b', '张.json']) expect(fileOf(key)).toMatch(/^[a-p]+\.json$/);
  });

  it('counts facets and applies filters as Pagefind does: any value of a facet, every facet', () => {
    const rows = [row('张建国', 'county', '尧都区'), row('李建国', 'county', '侯马市')];
    expect(facetCounts(rows).region).toEqual({ 尧都区: 1, 侯马市: 1 });
    expect(rows.filter((r) => rowPassesFilters(r, { region: ['侯马市'] })).map((r) => r.name)).toEqual(['李建国']);
    expect(rows.filter((r) => rowPassesFilters(r, { region: ['侯马市', '尧都区'], kind: ['个人'] }))).toHaveLength(2);
    expect(rows.filter((r) => rowPassesFilters(r, { kind: ['家庭'] }))).toEqual([]);
  });
});
