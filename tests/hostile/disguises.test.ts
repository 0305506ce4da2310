/**
 * Personal data as WeChat and Excel hand it over (issue 28's second round):
 * digits of other scripts, Chinese number words, the separators a pasted
 * text carries, e-mails written to get past filters, house numbers with
 * dashes, a number split across blocks, percent-encoded links, and text the
 * page carries in attributes. Every case lives in one content root (a copy of
 * the mini fixture, each on its own copy of the victim entry), checked once:
 * `content:check` names the file, the field and the fix for each. News links
 * whose ids look like card numbers pass, as they pass the output gate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyMini, editFile } from '../helpers/fixture.ts';
import { checkErrors, VICTIM as ORIGINAL } from './helpers.ts';

interface Case {
  name: string;
  /** Changes the victim's text (the mini entry of 张三). */
  edit: (entry: string) => string;
  /** The field named, and a part of the message. */
  field: string;
  message: string;
}

const story = (body: string) => (s: string) => s.replace('张三的故事。', body);
const front = (yaml: string) => (s: string) => s.replace('birth: 1980', `birth: 1980\n${yaml}`);

const CASES: Case[] = [
  { name: 'Arabic-Indic digits in a story', edit: story('电话١٣٨١٢٣٤٥٦٧٨'), field: '正文', message: '含有手机号码' },
  {
    name: 'Arabic-Indic digits as who is quoted',
    edit: story('<Quote by="王阿姨 ١٣٨١٢٣٤٥٦٧٨">谢谢你。</Quote>'),
    field: '正文',
    message: '含有手机号码',
  },
  {
    name: 'Chinese digit words in a summary',
    edit: (s) =>
      s.replace('summary: 义务为乡亲修理农具十多年。', 'summary: 义务修理农具，电话一三八一二三四五六七八。'),
    field: 'summary',
    message: '含有手机号码',
  },
  {
    name: 'spoken digit words with spaces in a story',
    edit: story('有事打 幺三八 幺二三四 五六七八'),
    field: '正文',
    message: '含有手机号码',
  },
  {
    name: 'full-width commas between groups',
    edit: story('电话138，1234，5678'),
    field: '正文',
    message: '含有手机号码',
  },
  {
    name: 'ideographic commas in a unit',
    edit: front('unit: 某厂139、1234、5678'),
    field: 'unit',
    message: '含有手机号码',
  },
  {
    name: 'four spaces between groups',
    edit: story('电话137    1234    5678'),
    field: '正文',
    message: '含有手机号码',
  },
  {
    name: 'ideographic spaces in an ID number',
    edit: story('身份证140102\u3000\u3000\u3000\u300019800101\u3000\u3000\u3000\u30001234'),
    field: '正文',
    message: '含有身份证号码',
  },
  { name: 'an e-mail with (at)', edit: story('邮箱liuyi(at)qq.com'), field: '正文', message: '含有电子邮箱' },
  {
    name: 'an e-mail with spaces in a source’s title',
    edit: front('sources:\n  - title: 来信 liuyi @ 163.com'),
    field: 'sources[0].title',
    message: '含有电子邮箱',
  },
  { name: 'a house number with a dash', edit: story('家住解放路12-3号'), field: '正文', message: '含有详细家庭住址' },
  {
    name: 'a building-unit-room triple',
    edit: story('住在滨河小区3-2-501'),
    field: '正文',
    message: '含有详细家庭住址',
  },
  { name: 'a house number with 甲', edit: story('家住解放路甲12号'), field: '正文', message: '含有详细家庭住址' },
  {
    name: 'a number split across list items',
    edit: story('联系方式：\n\n- 138\n- 1234\n- 5678'),
    field: '正文',
    message: '分在几段、几个列表项或表格格子里的数字，连起来读是手机号码',
  },
  {
    name: 'a number split across table cells',
    edit: story('| 甲 | 乙 | 丙 |\n| --- | --- | --- |\n| 140102 | 19800101 | 1234 |'),
    field: '正文',
    message: '连起来读是身份证号码',
  },
  {
    name: 'a number split across two paragraphs',
    edit: story('他的电话是 139\n\n1234 5678'),
    field: '正文',
    message: '连起来读是手机号码',
  },
  {
    name: 'a percent-encoded tel: link',
    edit: story('[打电话](tel:%31%38%39%31%32%33%34%35%36%37%38)'),
    field: '正文',
    message: '含有手机号码',
  },
  {
    name: 'a percent-encoded mailto: link',
    edit: story('[写信](mailto:liuyi%40qq.com)'),
    field: '正文',
    message: '含有电子邮箱',
  },
  {
    name: 'a phone in a link’s title',
    edit: story('[报道](https://news.example.cn/a.html "记者电话13812345678")'),
    field: '正文',
    message: '含有手机号码',
  },
  {
    name: 'a phone in a URL path',
    edit: story('[报道](https://news.example.cn/13812345678/a.html)'),
    field: '正文',
    message: '含有手机号码',
  },
  {
    name: 'a phone as a code fence’s info string',
    edit: story('```138-1234-5678\n代码\n```'),
    field: '正文',
    message: '含有手机号码',
  },
  {
    name: 'a group named with a phone number between stars',
    edit: (s) => s.replace('name: 张三', 'name: 138★1234★5678爱心车队').replace('kind: person', 'kind: group'),
    field: 'name',
    message: '含有手机号码',
  },
  {
    name: 'a phone number as a session',
    edit: (s) => s.replace('    release: 2026-q1', '    release: 2026-q1\n    session: 13812345679'),
    field: 'honours[0].session',
    message: '含有手机号码',
  },
  {
    name: 'emoji between the groups of a unit',
    edit: front('unit: 某厂138😀1234😀5678'),
    field: 'unit',
    message: '含有手机号码',
  },
  {
    name: 'a number split between an honour’s batch and its note',
    edit: (s) => s.replace('    release: 2026-q1', '    release: 2026-q1\n    batch: 第138 1234\n    note: 5678号'),
    field: 'honours[0].note',
    message: '连起来读是手机号码',
  },
  {
    name: 'a number split between a source’s title and its date',
    edit: front('sources:\n  - title: 临汾日报第1381234\n    date: 2026-03-21'),
    field: 'sources[0].title',
    message: '连起来读是手机号码',
  },
  {
    name: 'a number split between a quotation and who said it',
    edit: story('<Quote by="1234 5678">\n我的号码是138\n</Quote>'),
    field: '正文',
    message: '连起来读是手机号码',
  },
];

/** Links to real news whose numeric ids pass the Luhn check: ids, not card numbers. */
const NEWS = story(
  '见[微博](https://m.weibo.cn/status/4912345678901230)和[头条](https://www.toutiao.com/a6861234567890123453/)的报道。',
);

describe('content:check refuses personal data in the spellings WeChat and Excel produce', () => {
  let errors: string[] = [];
  const victims = CASES.map((_, i) => `entries/disguise-${i}-xixian.mdx`);
  const news = 'entries/news-links-xixian.mdx';

  beforeAll(async () => {
    const root = copyMini();
    const original = readFileSync(join(root, ORIGINAL), 'utf8');
    CASES.forEach((c, i) => writeFileSync(join(root, victims[i] ?? ''), c.edit(original)));
    writeFileSync(join(root, news), NEWS(original));
    editFile(root, 'site.yaml', (s) =>
      s.replace(
        'publisher: 测试市文明办',
        'publisher: 测试市文明办\n  registration: { sponsorContact: 王主任 幺三八 幺二三四 五六七八, organizer: liuyi(at)qq.com }',
      ),
    );
    errors = await checkErrors(root);
  });

  it.each(CASES.map((c, i) => [c.name, c, victims[i] ?? ''] as const))('%s', (_name, c, victim) => {
    // A story's problem names its line; a field's, the line of the field.
    const field = c.field.replace(/[[\]]/g, '\\$&');
    expect(errors).toContainEqual(
      expect.stringMatching(new RegExp(`^［错误］${victim}:\\d+ — ${field} — .*${c.message}`)),
    );
  });

  it('names the site settings’ fields written in words or with (at)', () => {
    expect(errors).toContainEqual(expect.stringContaining('site.registration.sponsorContact — 含有手机号码'));
    expect(errors).toContainEqual(expect.stringContaining('site.registration.organizer — 含有电子邮箱'));
  });

  it('passes links to news whose ids look like card numbers', () => {
    expect(errors.filter((e) => e.includes(news))).toEqual([]);
  });
});
