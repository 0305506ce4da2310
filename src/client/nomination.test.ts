import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  FIELDS,
  checkNomination,
  mailtoHref,
  nominationText,
  sheetHeader,
  sheetRow,
  ROW_COLUMNS,
  textsFrom,
  type Nomination,
} from './nomination.ts';
import { nominateText, t } from '../strings.ts';
import { findHeader, planImport } from '../editor/import-plan.ts';
import type { LoadedContent } from '../editor/check.ts';
import type { CategoryData, RegionData, TitleData } from '../model/schema.ts';

const filled: Nomination = {
  nominator: '李四',
  mobile: '139 1234 5678',
  name: '张三',
  kind: 'person',
  region: '尧都区',
  place: '屯里镇东关村',
  category: '助人为乐',
  title: '临汾好人',
  summary: '二十年如一日照顾瘫痪的邻居老人。',
  story: '2006年起，张三每天给邻居送饭。\n他说："邻居就是亲人。"\n=SUM(A1) 不是公式',
};

/** The page's words, as it hands them to its script. */
const x = textsFrom(nominateText, t.kinds);

/** An ID number with a valid date and check digit (GB 11643). */
const ID = '11010519491231002X';

/** Tab-separated text as a sheet's rows: the clipboard's cells, read by the import's CSV library. */
const tsv = (text: string): string[][] => parse(text, { delimiter: '\t', relaxColumnCount: true, relaxQuotes: false });

describe('the nomination form', () => {
  it('asks for every required field, and not for the optional ones', () => {
    const empty = Object.fromEntries(FIELDS.map((f) => [f, ''])) as unknown as Nomination;
    const problems = checkNomination(empty, x);
    expect(Object.keys(problems).sort()).toEqual(
      ['category', 'kind', 'mobile', 'name', 'nominator', 'region', 'summary', 'title'].sort(),
    );
    expect(problems.name).toBe('请填写“被推荐人姓名（家庭或集体写名称）”。');
    expect(problems.region).toBe('请选择“所在县（市、区）”。');
    expect(checkNomination(filled, x)).toEqual({});
  });

  it('refuses an ID number, a bank card, a phone or a house number outside the mobile field, in any spelling', () => {
    const spaced = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`;
    const wide = ID.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const [field, value, what] of [
      ['name', `王芳${ID}`, '身份证号码'],
      ['summary', `身份证号${spaced}，照顾老人二十年`, '身份证号码'],
      ['story', `身份证：${wide}`, '身份证号码'],
      ['story', '工资卡 6222 0202 0000 0000 006 捐给了村里', '银行卡号'],
      ['story', '他的电话是13812345678', '手机号码'],
      ['place', '尧都区解放路12号3单元501室', '详细家庭住址'],
      ['story', `身份证号${ID}，电话13812345678`, '身份证号码和手机号码'],
      // A house number in a hamlet beside an ID number: both named, not the ID alone.
      ['story', `家住东关12号，身份证号${ID}`, '身份证号码和详细家庭住址'],
      ['place', '屯里镇王庄村三组12号', '详细家庭住址'],
      ['story', `家住东关12号，身份证号${ID}，电话13812345678`, '身份证号码、手机号码和详细家庭住址'],
    ] as const) {
      const problems = checkNomination({ ...filled, [field]: value }, x);
      expect(problems[field], `${field}: ${value}`).toBe(`这里有${what}：推荐不需要，也不会公开，请删除。`);
    }
  });

  it('takes a mobile number with spaces, dashes or +86, and refuses anything else there', () => {
    for (const ok of ['13912345678', '139-1234-5678', '+86 139 1234 5678'])
      expect(checkNomination({ ...filled, mobile: ok }, x).mobile).toBeUndefined();
    for (const bad of ['1391234567', '0357-1234567', ID])
      expect(checkNomination({ ...filled, mobile: bad }, x).mobile).toBe('手机号应为以 1 开头的 11 位数字，请核对。');
  });

  it('holds the one-sentence deed to 8–120 characters and the account to 1,500', () => {
    expect(checkNomination({ ...filled, summary: '照顾老人' }, x).summary).toBe(
      '“一句话事迹”至少 8 字，请写清做了什么。',
    );
    expect(checkNomination({ ...filled, summary: '好'.repeat(121) }, x).summary).toBe(
      '“一句话事迹”最多 120 字，请删减。',
    );
    expect(checkNomination({ ...filled, story: '好'.repeat(1500) }, x).story).toBeUndefined();
    expect(checkNomination({ ...filled, story: '好'.repeat(1501) }, x).story).toBe('“事迹经过”最多 1500 字，请删减。');
  });

  it('writes one text with the nominee first and the nominator with their mobile last, and a mailto: link carrying it', () => {
    const text = nominationText(filled, x, '临汾市', new Date(2026, 11, 3));
    expect(text.split('\n')[0]).toBe('【临汾市身边好人推荐】');
    // The county and the village each under its own label.
    expect(text).toContain(
      '被推荐人：张三（个人）\n所在县（市、区）：尧都区\n乡镇、村（社区）或工作单位：屯里镇东关村\n事迹类别：助人为乐',
    );
    expect(text).toContain('2006年起，张三每天给邻居送饭。');
    // A place that already starts with its county does not repeat it.
    expect(nominationText({ ...filled, place: '尧都区屯里镇东关村' }, x, '临汾市', new Date())).toContain(
      '所在县（市、区）：尧都区\n乡镇、村（社区）或工作单位：屯里镇东关村\n',
    );
    expect(nominationText({ ...filled, place: '' }, x, '临汾市', new Date())).toContain(
      '所在县（市、区）：尧都区\n事迹类别',
    );
    expect(text.endsWith('推荐人：李四，手机 139 1234 5678\n推荐日期：2026年12月3日')).toBe(true);
    const href = mailtoHref('tuijian@example.cn', '推荐身边好人：张三', text);
    const url = new URL(href);
    expect(url.protocol + url.pathname).toBe('mailto:tuijian@example.cn');
    expect(url.searchParams.get('subject')).toBe('推荐身边好人：张三');
    expect(url.searchParams.get('body')).toBe(text.replace(/\n/g, '\r\n'));
  });

  it("writes a row in the import's column order, without the nominator, that the import plans as one valid entry", async () => {
    const row = sheetRow(filled, x, 2026);
    expect(row).not.toContain('李四');
    expect(row).not.toMatch(/139\s?1234/);
    const rows = tsv(`${sheetHeader()}\n${row}`);
    expect(rows).toHaveLength(2);
    const header = findHeader(rows);
    if (!header.ok) throw new Error(header.message);
    expect(header.columns).toEqual(ROW_COLUMNS);
    expect(header.notes).toEqual([]);
    // A story's lines and quotes survive the quoting; a formula-like line is text.
    expect(rows[1]?.[ROW_COLUMNS.indexOf('story')]).toBe(
      '2006年起，张三每天给邻居送饭。\n他说："邻居就是亲人。"\n=SUM(A1) 不是公式',
    );
    expect(
      tsv(sheetRow({ ...filled, summary: '=1+1 照顾邻居老人二十年' }, x, 2026))[0]?.[ROW_COLUMNS.indexOf('summary')],
    ).toBe("'=1+1 照顾邻居老人二十年");

    const content: LoadedContent = {
      regions: new Map<string, RegionData>([['yaodu', { name: '尧都区', kind: '区', order: 1, aliases: [] }]]),
      titles: new Map<string, TitleData>([
        [
          'lf-hr',
          { name: '临汾好人', level: 'city', issuer: '临汾市文明办', cadence: 'quarter', rank: 2, forMinors: false },
        ],
      ]),
      categories: new Map<string, CategoryData>([['zhuren', { name: '助人为乐', order: 1, description: '' }]]),
      releases: new Map(),
      entries: [],
    };
    const plan = await planImport(
      { rows, headerIndex: header.index, columns: header.columns, cellProblems: [], sheetDir: '/sheets' },
      content,
      '/c',
      { photoProblems: () => Promise.resolve([]), fileKind: () => 'missing', readEntry: () => '', show: (p) => p },
    );
    expect(plan.rejected).toEqual([]);
    const entries = [...plan.entries.values()];
    expect(entries).toHaveLength(1);
    expect(entries[0]?.data).toMatchObject({
      name: '张三',
      kind: 'person',
      region: 'yaodu',
      category: 'zhuren',
      honours: [{ title: 'lf-hr', year: 2026 }],
      summary: filled.summary,
    });
  });
});
