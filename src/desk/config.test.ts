import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCollections } from '../editor/check.ts';
import { ENTRY_FIELD_ORDER, ENTRY_FIELDS } from '../model/entry-fields.ts';
import { partialDateSchema } from '../model/schema.ts';
import { deskConfig, deskConfigYaml, type DecapField } from './config.ts';

const sample = readCollections(resolve('content')).collections;
const mini = readCollections(resolve('tests/fixtures/mini')).collections;
const PROXY = 'http://127.0.0.1:4322/api/TOKEN/v1';

const config = deskConfig({ proxyUrl: PROXY, branch: 'main', lists: sample, flat: false });
const flat = deskConfig({ proxyUrl: PROXY, branch: 'main', lists: mini, flat: true });

const field = (fields: readonly DecapField[], name: string): DecapField => {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};
const yaodu = config.collections.find((c) => c.name === 'yaodu')!;

describe('the desk configuration', () => {
  it('speaks to the desk through the proxy backend on its branch, in Chinese, and writes MDX with front matter', () => {
    expect(config.backend).toEqual({ name: 'proxy', proxy_url: PROXY, branch: 'main' });
    expect(config).not.toHaveProperty('local_backend');
    expect(config.locale).toBe('zh_Hans');
    for (const c of config.collections) {
      expect(c).toMatchObject({ extension: 'mdx', format: 'frontmatter', media_folder: '', public_folder: '' });
      expect(c.slug).toBe('{{fields._slug}}');
    }
    // The YAML the desk serves is the same configuration.
    expect(parse(deskConfigYaml({ proxyUrl: PROXY, branch: 'main', lists: sample, flat: false }))).toEqual(
      JSON.parse(JSON.stringify(config)),
    );
  });

  it('has one collection per county, in official order, named in Chinese, with the region fixed by the collection', () => {
    expect(config.collections.map((c) => c.label)).toEqual([
      '尧都区', '侯马市', '霍州市', '曲沃县', '翼城县', '襄汾县', '洪洞县', '古县', '安泽县',
      '浮山县', '吉县', '乡宁县', '大宁县', '隰县', '永和县', '蒲县', '汾西县',
    ]); // prettier-ignore
    expect(yaodu.folder).toBe('entries/yaodu');
    expect(field(yaodu.fields, 'region')).toMatchObject({ widget: 'hidden', default: 'yaodu' });
  });

  it('gives a flat root one collection, where the region is chosen by its Chinese name', () => {
    expect(flat.collections.map((c) => [c.name, c.folder])).toEqual([['entries', 'entries']]);
    const region = field(flat.collections[0]!.fields, 'region');
    expect(region).toMatchObject({ widget: 'select', required: true });
    expect(region.options).toEqual([
      { label: '东区', value: 'dongqu' },
      { label: '西县', value: 'xixian' },
    ]);
  });

  it('shows categories, titles and releases as selects of their Chinese names, kinds in words', () => {
    const fields = yaodu.fields;
    expect(field(fields, 'category').options?.map((o) => o.label)).toEqual([
      '助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲',
    ]); // prettier-ignore
    const honours = field(fields, 'honours').fields ?? [];
    expect(field(honours, 'title').options).toContainEqual({ label: '中国好人榜', value: 'zghrb' });
    expect(field(honours, 'release')).toMatchObject({ widget: 'select', required: false });
    expect(field(honours, 'release').options).toContainEqual({ label: '2026年第一季度“临汾好人”', value: '2026-q1' });
    expect(field(fields, 'kind').options).toEqual([
      { label: '个人', value: 'person' },
      { label: '家庭', value: 'family' },
      { label: '集体', value: 'group' },
    ]);
    expect(field(fields, 'status').options?.map((o) => o.label)).toEqual(['在榜', '已撤销']);
  });

  it('takes every field, its label, hint and rules from the schema and the catalogue', () => {
    const fields = yaodu.fields;
    expect(fields.map((f) => f.name)).toEqual([...ENTRY_FIELD_ORDER, 'body', '_slug']);
    expect(field(fields, 'summary')).toMatchObject({ label: '一句话事迹', hint: ENTRY_FIELDS.summary.hint });
    expect(field(fields, 'unit')).toMatchObject({ label: '工作单位', hint: ENTRY_FIELDS.unit.hint });
    // Required as the schema says; a part of an optional record only once the record is there.
    const required = fields.filter((f) => f.required).map((f) => f.name);
    expect(required).toEqual(['name', 'kind', 'category', 'honours', 'summary']);
    const honours = field(fields, 'honours');
    expect(field(honours.fields ?? [], 'year')).toMatchObject({
      widget: 'number',
      value_type: 'int',
      min: 1949,
      required: true,
    });
    expect(field(honours.fields ?? [], 'session')).toMatchObject({ max: 100, required: false });
    const photo = field(fields, 'photo');
    expect(photo.fields?.map((f) => [f.name, f.widget, f.label, f.required])).toEqual([
      ['src', 'image', '照片文件', false],
      ['alt', 'string', '照片说明', false],
    ]);
    expect(field(fields, 'body').widget).toBe('story');
  });

  it('checks a partial date in the form with the schema’s own pattern', () => {
    const [pattern] = field(yaodu.fields, 'birth').pattern ?? [];
    const re = new RegExp(pattern ?? 'no pattern');
    for (const date of ['1962', '1962-05', '1962-05-17', '1962.05', '62年', '1962-13'])
      expect(re.test(date), date).toBe(partialDateSchema.safeParse(date).success);
  });
});
