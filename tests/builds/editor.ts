/**
 * Editor tooling as editors use it: content:check on broken files,
 * content:new, and content:import of messy real-looking sheets (GBK CSV,
 * BOM, shuffled headers, full-width brackets, duplicates, unknown counties,
 * an ID number in a story, an .xlsx made here), then check and build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { copyMini, editFile } from '../helpers/fixture.ts';

function run(script: string, root: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, HONOUR_CONTENT_DIR: root },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const check = (root: string) => run('scripts/check.ts', root, []);
const entryFiles = (root: string) =>
  readdirSync(join(root, 'entries'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort();

describe('content:check catches what must never publish', () => {
  it('finds an ID number, a phone number and a home address, with file, line and field', () => {
    const root = copyMini();
    editFile(root, 'entries/zhang-san-xixian.mdx', (s) =>
      s
        .replace('summary: 义务为乡亲修理农具十多年。', 'summary: 义务为乡亲修理农具十多年，电话13812345678。')
        .replace('张三的故事。', '张三的故事。\n\n他的身份证号是14010219800517123X，家住西县解放路12号3单元501室。'),
    );
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain('entries/zhang-san-xixian.mdx:10 — summary — 含有手机号码（138*****678）');
    expect(r.out).toContain('entries/zhang-san-xixian.mdx:17 — 正文 — 含有身份证号码（140************23X）');
    expect(r.out).toContain('entries/zhang-san-xixian.mdx:17 — 正文 — 含有详细家庭住址');
    expect(r.out).not.toContain('13812345678');
  });

  it('finds unsafe markup and imports in a story', () => {
    const root = copyMini();
    editFile(root, 'entries/zhang-san-xixian.mdx', (s) =>
      s.replace(
        '张三的故事。',
        'import fs from \'node:fs\';\n\n张三的故事。<iframe src="https://x.example"></iframe>\n\n<a href="#" onclick="x()">点</a>',
      ),
    );
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain('zhang-san-xixian.mdx:15 — 正文 — 正文里不允许 import 或 export 语句');
    expect(r.out).toContain('zhang-san-xixian.mdx:17 — 正文 — 正文里不允许使用 HTML 标签 <iframe>');
    expect(r.out).toContain('zhang-san-xixian.mdx:19 — 正文 — 正文里不允许使用 HTML 标签 <a>');
  });

  it('rejects a photo that is too small, and says the limit', async () => {
    const root = copyMini();
    await sharp({ create: { width: 120, height: 160, channels: 3, background: '#888' } })
      .png()
      .toFile(join(root, 'entries/zeng-hong-dongqu.png'));
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain('photo.src — 照片 ./zeng-hong-dongqu.png 太小（120×160 像素），短边至少 300 像素');
  });

  it('warns about a likely duplicate person, naming both files, without failing', () => {
    const root = copyMini();
    writeFileSync(
      join(root, 'entries/zhang-san-xixian-2.mdx'),
      readFileSync(join(root, 'entries/zhang-san-xixian.mdx'), 'utf8')
        .replace('year: 2026\n    release: 2026-q1', 'year: 2025')
        .replace('张三的故事。', '张三在另一个村子的故事。'),
    );
    const r = check(root);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(
      /［提醒］\S*entries\/zhang-san-xixian\.mdx:2 — name — 可能与 \S*entries\/zhang-san-xixian-2\.mdx 是同一人/,
    );
  });
  // That the build stops on the same check: tests/hostile/content.test.ts (one build for every refusal).
});

describe('content:new', () => {
  it('creates a complete draft entry with a stable slug, and never overwrites', () => {
    const root = copyMini();
    const args = [
      '--name',
      '曾国强',
      '--region',
      '东区',
      '--category',
      '助人为乐',
      '--title',
      '测试市好人',
      '--year',
      '2026',
      '--release',
      '2026-q1',
    ];
    const first = run('scripts/new.ts', root, args);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toContain('entries/dongqu/zeng-guoqiang-dongqu.mdx');
    expect(first.out).toContain('http://localhost:4321/people/zeng-guoqiang-dongqu/');
    const text = readFileSync(join(root, 'entries/dongqu/zeng-guoqiang-dongqu.mdx'), 'utf8');
    expect(text).toContain('release: 2026-q1');
    expect(text).toContain('draft: true');
    expect(check(root).status).toBe(0);

    const second = run('scripts/new.ts', root, args);
    expect(second.status).toBe(0);
    expect(second.out).toContain('已有同地区的“曾国强”');
    expect(second.out).toContain('zeng-guoqiang-dongqu-2.mdx');
    expect(readFileSync(join(root, 'entries/dongqu/zeng-guoqiang-dongqu.mdx'), 'utf8')).toBe(text);
  });

  it('explains an unknown region', () => {
    const r = run('scripts/new.ts', copyMini(), [
      '--name',
      '王五',
      '--region',
      '南县',
      '--category',
      '助人为乐',
      '--title',
      '县级好人',
      '--year',
      '2025',
    ]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('所在县（市、区） — 找不到“南县”，应为：东区、西县');
  });
});

const HEADER =
  '序号,姓名,类型,性别,民族,出生年月,政治面貌,工作单位及职务,所在县（市、区）,类别,荣誉称号,年份,期次,事迹简介';

describe('content:import', () => {
  it('imports a messy GBK sheet: title row, shuffled full-width headers, duplicates, unknown county, an ID number', () => {
    const root = copyMini();
    const dir = mkdtempSync(join(tmpdir(), 'honour-sheet-'));
    const csv = [
      '2026年第一季度测试市好人推荐名单,,,,,,,,,,,',
      '事迹简介, 姓 名 ,所在县(市、区),荣誉称号,年份,期次,类别,性别,出生年月,工作单位及职务,序号,已故',
      '帮助邻居照顾孩子多年,刘一,东,测试市好人,2026,第一季度,助人为乐,女,1971.03,东区某厂 工人,1,',
      '帮助邻居照顾孩子多年,刘一,东区,县级好人,2025,,助人为乐,女,1971年3月,东区某厂 工人,2,',
      '坚持巡河十年,陈二,南县,测试市好人,2026,第一季度,助人为乐,男,1966,某村,3,',
      '身份证14010219800517123X，乐于助人,孙三,西县,测试市好人,2026,第一季度,助人为乐,男,1980,某村,4,',
      '二十年如一日照顾瘫痪的婆婆。,曾红,东区,县级好人,2025,,孝老爱亲,女,1970-05,东区某厂 工人,5,是',
      ',,,,,,,,,,,',
    ].join('\r\n');
    writeFileSync(join(dir, 'list.csv'), iconv.encode(csv, 'gb18030'));
    const before = entryFiles(root);

    const dry = run('scripts/import.ts', root, [join(dir, 'list.csv')]);
    expect(dry.status).toBe(1);
    expect(entryFiles(root)).toEqual(before);
    expect(dry.out).toContain('第 3 行：新建');
    expect(dry.out).toContain('第 4 行：与第 3 行是同一人');
    expect(dry.out).toMatch(/第 5 行 — 所在县（市、区） — 找不到县（市、区）“南县”/);
    expect(dry.out).toMatch(/第 6 行 — 事迹简介 — 含有身份证号码/);
    expect(dry.out).toContain('第 7 行：为已有条目');
    expect(dry.out).toContain('新建 1 个，更新 1 个，拒绝 2 行');

    const written = run('scripts/import.ts', root, [join(dir, 'list.csv'), '--write']);
    expect(written.status).toBe(1);
    const liu = readFileSync(join(root, 'entries/dongqu/liu-yi-dongqu.mdx'), 'utf8');
    expect(liu).toContain('release: 2026-q1');
    expect(liu).toContain('title: xian');
    expect(liu).toContain('birth: 1971-03');
    expect(readFileSync(join(root, 'entries/zeng-hong-dongqu.mdx'), 'utf8')).toMatch(/title: xian\n {4}year: 2025/);
    expect(check(root).status).toBe(0);
    expect(readdirSync(join(root, 'entries/dongqu')).filter((f) => f.includes('import-tmp'))).toEqual([]);
  });

  it('reads UTF-8 with a BOM and an .xlsx workbook made here, with photos beside the sheet', async () => {
    const root = copyMini();
    const dir = mkdtempSync(join(tmpdir(), 'honour-xlsx-'));
    await sharp({ create: { width: 600, height: 800, channels: 3, background: '#a33' } })
      .jpeg()
      .toFile(join(dir, '周七.jpg'));
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(HEADER.split(',').concat('照片'));
    sheet.addRow([
      1,
      '周七',
      '个人',
      '男',
      '汉族',
      new Date('1975-06-01'),
      '群众',
      '西县某站 站长',
      '西县',
      '助人为乐',
      '测试市好人',
      2026,
      '2026年第一季度',
      '义务为村民修路十余年。',
      '周七.jpg',
    ]);
    sheet.addRow([
      2,
      '吴八家庭',
      '家庭',
      '',
      '',
      '',
      '',
      '',
      '东区',
      '孝老爱亲',
      '县级好人',
      2025,
      '',
      '四世同堂，和睦孝亲。',
      '',
    ]);
    await book.xlsx.writeFile(join(dir, 'list.xlsx'));
    writeFileSync(
      join(dir, 'bom.csv'),
      `\uFEFF${HEADER}\n1,郑九,个人,男,汉族,1990.1,群众,某厂,西县,助人为乐,县级好人,2025,,帮工友讨回工资十万元。\n`,
    );

    const x = run('scripts/import.ts', root, [join(dir, 'list.xlsx'), '--write']);
    expect(x.status, x.out).toBe(0);
    expect(x.out).toContain('新建 2 个，更新 0 个，拒绝 0 行');
    const zhou = readFileSync(join(root, 'entries/xixian/zhou-qi-xixian.mdx'), 'utf8');
    expect(zhou).toContain("birth: '1975-06-01'");
    expect(zhou).toContain('src: ./zhou-qi-xixian.jpg');
    expect(existsSync(join(root, 'entries/xixian/zhou-qi-xixian.jpg'))).toBe(true);
    expect(readFileSync(join(root, 'entries/dongqu/wubajiating-dongqu.mdx'), 'utf8')).toContain('kind: family');

    const b = run('scripts/import.ts', root, [join(dir, 'bom.csv'), '--write']);
    expect(b.status, b.out).toBe(0);
    expect(readFileSync(join(root, 'entries/xixian/zheng-jiu-xixian.mdx'), 'utf8')).toContain('birth: 1990-01');
    expect(check(root).status).toBe(0);
  });

  it('imports a 200-row sheet with 10 bad rows: 190 rows in, exactly the 10 rejected, then check and build pass', async () => {
    const root = copyMini();
    const dir = mkdtempSync(join(tmpdir(), 'honour-200-'));
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜'.split('');
    const given = '一二三四五六七八九十'.split('');
    const bad = new Map<number, string[]>([
      [7, ['北县', '所在县（市、区）']],
      [23, ['身份证', '事迹简介']],
      [41, ['手机', '事迹简介']],
      [58, ['无称号', '荣誉称号']],
      [77, ['无类别', '类别']],
      [85, ['年份', '年份']],
      [120, ['性别', '性别']],
      [143, ['出生', '出生年月']],
      [166, ['空姓名', '姓名']],
      [188, ['住址', '事迹简介']],
    ]);
    const lines = [HEADER];
    for (let i = 1; i <= 200; i++) {
      // Rows 100–109 repeat rows 90–99's people with a second honour: merged, not new entries.
      const p = i >= 100 && i < 110 ? i - 10 : i;
      let name = `${surnames[p % surnames.length]}${given[p % 10]}${given[Math.floor(p / 10) % 10]}`;
      let region = p % 2 ? '东区' : '西县';
      let title = i >= 100 && i < 110 ? '县级好人' : '测试市好人';
      let category = '助人为乐';
      let year = i >= 100 && i < 110 ? '2025' : '2026';
      let gender = '男';
      let birth = `19${60 + (p % 30)}.0${1 + (p % 9)}`;
      let summary = `第${p}位热心人，多年来义务帮助邻里。`;
      const session = title === '测试市好人' ? '第一季度' : '';
      const kind = bad.get(i)?.[0];
      if (kind === '北县') region = '北县';
      if (kind === '身份证') summary += '身份证号140102198005171234';
      if (kind === '手机') summary += '电话139 1234 5678';
      if (kind === '无称号') title = '最美好人';
      if (kind === '无类别') category = '乐于助人';
      if (kind === '年份') year = '二〇二六';
      if (kind === '性别') gender = '未知';
      if (kind === '出生') birth = '六十年代';
      if (kind === '空姓名') name = '';
      if (kind === '住址') summary += '家住西县人民路8号';
      lines.push(
        [
          i,
          name,
          '个人',
          gender,
          '汉族',
          birth,
          '群众',
          '某单位 职工',
          region,
          category,
          title,
          year,
          session,
          summary,
        ].join(','),
      );
    }
    writeFileSync(join(dir, '200.csv'), iconv.encode(lines.join('\r\n'), 'gb18030'));
    const beforeFiles = entryFiles(root);
    const before = beforeFiles.length;
    const r = run('scripts/import.ts', root, [join(dir, '200.csv'), '--write']);
    expect(r.status).toBe(1);
    const rejectedRows = [...new Set([...r.out.matchAll(/第 (\d+) 行 — /g)].map((m) => Number(m[1]) - 1))];
    expect(rejectedRows.sort((a, b) => a - b)).toEqual([...bad.keys()]);
    for (const [i, [, column]] of bad) expect(r.out).toContain(`第 ${i + 1} 行 — ${column} — `);
    expect(r.out).toContain('新建 180 个，更新 0 个，拒绝 10 行');
    expect(entryFiles(root).length).toBe(before + 180);
    const created = entryFiles(root).filter((f) => !beforeFiles.includes(f));
    const merged = created.filter((f) => readFileSync(join(root, 'entries', f), 'utf8').includes('title: xian'));
    expect(merged.length).toBe(10);
    expect(check(root).status).toBe(0);
    const built = await buildSite(root);
    expect(built.status, built.output.slice(-2000)).toBe(0);
    // The fixture's draft has no page; every other entry, old and new, has one.
    const pages = readdirSync(join(built.outDir, 'people')).filter((d) => d.includes('-'));
    expect(pages, pages.filter((d) => !created.some((f) => f.endsWith(`/${d}.mdx`))).join(' ')).toHaveLength(
      before - 1 + 180,
    );
  }, 300_000);
});
