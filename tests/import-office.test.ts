/**
 * content:import --write on a county office's 推荐表 as WPS saves it: a title
 * merged across every column, a two-row header, 序号, dates as numbers with
 * formats, a 身份证号 and a 备注 column, and a footer with the form-filler's
 * phone. One run of the real command: every cell lands as the editor saw it,
 * the person already on the roll keeps one file, and the phone goes nowhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { copyMini } from './helpers/fixture.ts';
import { officeSheet, type OfficeCell } from './helpers/office-sheet.ts';

const PEOPLE: OfficeCell[][] = [
  [
    1,
    '曾红',
    '个人',
    '女',
    '汉族',
    new Date(Date.UTC(1970, 4, 12)),
    '140102197005120024',
    '东区',
    '孝老爱亲',
    '“县级好人”',
    2026,
    '',
    '二十年如一日照顾瘫痪的婆婆。',
    '复评',
  ],
  [2, '吴立新家庭', '', '', '', '', '', '东区', '孝老爱亲', '县级好人', 2025, '', '四世同堂，和睦孝亲，邻里称道。', ''],
  [
    3,
    '周小红',
    '个人',
    '女',
    '汉族',
    1968.1,
    '',
    '西县',
    '助人为乐',
    '《测试市好人》',
    2026,
    '第1期',
    '点击上方蓝字关注我们\n义务照顾孤寡老人十余年。',
    '',
  ],
];

/** The sheet, with the birth column formatted as the office did: dates as dates, 1968.1 shown as 1968.10. */
const officeBook = () =>
  officeSheet(
    PEOPLE.map((row) =>
      row.map((v, c) =>
        c === 5 ? { value: v as ExcelJS.CellValue, fmt: v instanceof Date ? 'yyyy-mm-dd' : '0.00' } : v,
      ),
    ),
    { title: '测试市2026年第一季度身边好人推荐表', filler: '填表人：李明 联系电话：13912345678' },
  );

const entryTexts = (root: string) =>
  readdirSync(join(root, 'entries'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => [f, readFileSync(join(root, 'entries', f), 'utf8')] as const);

describe('content:import --write on an office’s 推荐表', () => {
  it('imports every person as the sheet shows them, once, and says what it left out', async () => {
    const root = copyMini();
    const r = spawnSync(process.execPath, [resolve('scripts/import.ts'), await officeBook(), '--write'], {
      env: { ...process.env, HONOUR_CONTENT_DIR: root },
      encoding: 'utf8',
    });
    const out = `${r.stdout}${r.stderr}`;
    expect(r.status, out).toBe(0);
    expect(out).toContain('未导入的列：身份证号（G 列，身份证号不公开）、备注（N 列）');
    expect(out).toMatch(/第 7—10 行是说明或签字，不是名单，没有导入：“填表人：李明 联系电话：139\*+678”/);
    expect(out).toContain('新建 2 个，更新 1 个，拒绝 0 行');
    expect(out).not.toMatch(/［拒绝］|Error|at .*\.ts:\d+/);

    // 曾红 (1970-05 on the roll, 1970-05-12 in the sheet) keeps her one file and URL.
    expect(existsSync(join(root, 'entries/dongqu/zeng-hong-dongqu-2.mdx'))).toBe(false);
    expect(readFileSync(join(root, 'entries/zeng-hong-dongqu.mdx'), 'utf8')).toMatch(/title: xian\n {4}year: 2026/);
    const texts = entryTexts(root);
    const family = texts.find(([, t]) => t.includes('name: 吴立新家庭'));
    expect(family?.[1]).toContain('kind: family');
    const zhou = texts.find(([, t]) => t.includes('name: 周小红'))?.[1] ?? '';
    expect(zhou).toContain('birth: 1968-10');
    expect(zhou).toContain('release: 2026-q1');
    expect(zhou).not.toContain('关注');
    for (const [, text] of texts) expect(text).not.toMatch(/13912345678|140102197005120024|复评/);
  });
});
