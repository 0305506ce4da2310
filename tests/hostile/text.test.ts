/**
 * What editors and offices really type is text, never code: stories that are
 * not valid MDX build and read as typed; a spreadsheet cell full of MDX,
 * Markdown and an expression is imported as plain text that runs nothing
 * (the everyday root is built from a copy outside the repository, as another
 * city's content root would be). Every sheet that cannot be read gets a message naming the file
 * (and row), never garbage.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'node-html-parser';
import iconv from 'iconv-lite';
import { describe, expect, inject, it } from 'vitest';
import { copyMini, editFile } from '../helpers/fixture.ts';
import { CODE_CELL, SHEET_HEADER } from '../setup/everyday.ts';
import { checkErrors, filesIn, runScript } from './helpers.ts';

/** The text of a built page's story, as a resident reads it. */
function storyOf(dist: string, slug: string): { text: string; html: string } {
  const page = parse(readFileSync(join(dist, 'people', slug, 'index.html'), 'utf8'));
  const story = page.querySelector('.story') ?? page.querySelector('article');
  if (!story) throw new Error(`no story on ${slug}`);
  return { text: story.textContent, html: story.innerHTML };
}

const row = (name: string, extra = '') =>
  `1,${name},个人,男,汉族,1970,群众,某厂,西县,助人为乐,县级好人,2025,,帮助邻居照顾孩子多年。,${extra}`;

// The everyday root (tests/setup/everyday.ts) is built once by the global setup, from outside the repository.
describe('everyday text builds and reads as typed, from a content root outside the repository', () => {
  const dist = inject('everydayDist');

  it('shows <0度 and a lone brace as typed, drops comments, links an autolink', () => {
    const { text, html } = storyOf(dist, 'zhang-san-xixian');
    expect(text).toContain('冬天气温<0度，他一个 { 括号也不打，照样出门。');
    expect(text).not.toContain('备注');
    expect(html).not.toContain('<!--');
    expect(html).toContain('<a href="https://example.cn/news/1">https://example.cn/news/1</a>');
    // A news link's id is published although it would pass for a card number (the gate reads links as links).
    expect(html).toContain('<a href="https://m.weibo.cn/status/4912345678901230">');
  });

  it('renders the engine’s Quote with no import line', () => {
    const { html } = storyOf(dist, 'li-xiaoming-xixian');
    expect(html).toContain(
      '<figure class="quote"><blockquote>他是我们村的好人。</blockquote><figcaption>——邻居（示例）</figcaption></figure>',
    );
  });

  it('imports a spreadsheet cell of code and markup as text that ran nothing', () => {
    const marker = inject('everydayMarker');
    expect(filesIn(marker)).toEqual([]);
    const { text, html } = storyOf(dist, 'qian-ba-xixian');
    for (const line of CODE_CELL.replace('MARKER', marker).split('\n')) expect(text).toContain(line);
    expect(html).not.toMatch(/<(strong|h\d|ol|ul|blockquote|b)>/);
  });
});

describe('content:import refuses what it cannot read, naming the file and row', () => {
  const sheetDir = () => mkdtempSync(join(tmpdir(), 'honour-sheet-'));

  it.each([
    [
      'a UTF-16 sheet',
      (s: string) => iconv.encode(s, 'utf16-le', { addBOM: true }),
      '这是 UTF-16（Unicode 文本）格式的表格',
    ],
    [
      'a UTF-8 sheet broken part-way',
      (s: string) => Buffer.concat([Buffer.from(s.slice(0, -4)), Buffer.from([0xe5, 0xb8]), Buffer.from('\n')]),
      '第 2 行有损坏的文字',
    ],
    ['a sheet with a NUL byte', (s: string) => Buffer.from(s.replace('帮助', '帮\0助')), '第 2 行含有空字符'],
    [
      'an unclosed quote',
      (s: string) => Buffer.from(s.replace('帮助邻居照顾孩子多年。', '"帮助邻居照顾孩子多年。')),
      '引号（"）没有配对',
    ],
  ])('%s', (_name, encode, message) => {
    const root = copyMini();
    const dir = sheetDir();
    writeFileSync(join(dir, 'list.csv'), encode(`${SHEET_HEADER}\n${row('钱八', '他的故事。')}\n`));
    const r = runScript('scripts/import.ts', root, [join(dir, 'list.csv'), '--write']);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`list.csv`);
    expect(r.out).toContain(message);
    expect(existsSync(join(root, 'entries/xixian'))).toBe(false);
  });

  it('refuses an .xlsx formula saved without its value and an error cell, by row and column', async () => {
    const root = copyMini();
    const dir = sheetDir();
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(SHEET_HEADER.split(','));
    sheet.addRow([
      1,
      { formula: 'CONCAT("钱","八")' },
      '个人',
      '男',
      '汉族',
      1970,
      '群众',
      '某厂',
      '西县',
      '助人为乐',
      '县级好人',
      2025,
      '',
      '帮助邻居。',
      '',
    ]);
    sheet.addRow([
      2,
      '孙九',
      '个人',
      '男',
      '汉族',
      1970,
      '群众',
      '某厂',
      '西县',
      '助人为乐',
      '县级好人',
      2025,
      '',
      { error: '#N/A' },
      '',
    ]);
    await book.xlsx.writeFile(join(dir, 'list.xlsx'));
    const r = runScript('scripts/import.ts', root, [join(dir, 'list.xlsx'), '--write']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/list\.xlsx 第 2 行 — 姓名 — 这一格是公式，但表格里没有保存计算结果/);
    expect(r.out).toMatch(/list\.xlsx 第 3 行 — 事迹简介 — 这一格是错误值 #N\/A/);
    expect(r.out).not.toContain('[object Object]');
    expect(existsSync(join(root, 'entries/xixian'))).toBe(false);
  });

  it('never takes a photo from outside the sheet’s folder', () => {
    const root = copyMini();
    const dir = sheetDir();
    writeFileSync(join(dir, 'list.csv'), `${SHEET_HEADER},照片\n${row('钱八', '故事。')},../../../etc/hostname\n`);
    const r = runScript('scripts/import.ts', root, [join(dir, 'list.csv'), '--write']);
    expect(r.status).toBe(1);
    expect(r.out).toContain('第 2 行 — 照片 — 照片“../../../etc/hostname”只能写文件名');
  });

  it('writes nothing outside the content root for a region id that is a path', async () => {
    const root = copyMini();
    editFile(root, 'regions.yaml', (s) => `${s}- { id: ../../x, name: 坏区, kind: 区, order: 3, aliases: [] }\n`);
    const dir = sheetDir();
    writeFileSync(join(dir, 'list.csv'), `${SHEET_HEADER}\n${row('钱八', '故事。').replace('西县', '坏区')}\n`);
    const r = runScript('scripts/import.ts', root, [join(dir, 'list.csv'), '--write']);
    expect(r.status).toBe(1);
    expect(r.out).toContain('id “../../x”只能使用小写拼音字母');
    expect(existsSync(join(dirname(root), 'x'))).toBe(false);
    expect(await checkErrors(root)).toHaveLength(1);
  });
});
