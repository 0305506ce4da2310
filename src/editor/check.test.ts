import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from './check.ts';
import { lineOfField } from './yaml-lines.ts';
import { formatProblem } from '../rules/problems.ts';
import { copyMini, editFile, MINI } from '../../tests/helpers/fixture.ts';

const ZHANG = 'entries/zhang-san-xixian.mdx';

async function errorsOf(root: string): Promise<string[]> {
  const { problems } = await checkContent(root, root);
  return problems.filter((p) => p.severity === 'error').map(formatProblem);
}

describe('checkContent on a content root', () => {
  it('passes the mini fixture', async () => {
    const result = await checkContent(MINI);
    expect(result.problems).toEqual([]);
    expect(result.entries).toBe(6);
  });

  it('reports an unknown region with file, line, field and fix', async () => {
    const root = copyMini();
    editFile(root, ZHANG, (s) => s.replace('region: xixian', 'region: nanxian'));
    expect(await errorsOf(root)).toEqual([
      `［错误］${ZHANG}:4 — region — 地区 “nanxian” 不存在，请改为 regions.yaml 中的某个 id：dongqu（东区）、xixian（西县）［代码 ref.region-unknown］`,
    ]);
  });

  it('warns when two counties share a tile of the county grid, naming both and the cell', async () => {
    const root = copyMini();
    editFile(root, 'regions.yaml', (s) =>
      s
        .replace('aliases: [东] }', 'aliases: [东], tile: { row: 1, col: 2 } }')
        .replace('aliases: [] }', 'aliases: [], tile: { row: 1, col: 2 } }'),
    );
    const { problems } = await checkContent(root, root);
    expect(problems.map(formatProblem)).toEqual([
      '［提醒］regions.yaml:2 — xixian.tile — 与 dongqu 放在同一格（第 1 行第 2 列）：首页的县区方块图会改为按官方顺序排列，请给其中一个换一个空格［代码 field.invalid］',
    ]);
  });

  it('says which id a name, alias or near-miss means, from the lists, never a fixed example', async () => {
    const root = copyMini();
    editFile(root, ZHANG, (s) =>
      s
        .replace('region: xixian', 'region: 西县')
        .replace('category: zhuren', 'category: zhuuren')
        .replace('title: shi', 'title: 测试市好人'),
    );
    expect(await errorsOf(root)).toEqual([
      `［错误］${ZHANG}:4 — region — 地区 “西县” 是名称，这里要写 id：请改为 xixian（或运行 npm run content:check -- --fix 自动改正）［代码 ref.region-unknown］`,
      `［错误］${ZHANG}:5 — category — 类别 “zhuuren” 不存在：是不是 zhuren（助人为乐）？请改为 categories.yaml 中的 id［代码 ref.category-unknown］`,
      `［错误］${ZHANG}:7 — honours[0].title — 称号 “测试市好人” 是名称，这里要写 id：请改为 shi（或运行 npm run content:check -- --fix 自动改正）［代码 ref.title-unknown］`,
    ]);
  });

  it('gives the file name the project computes for a Chinese file name', async () => {
    const root = copyMini();
    writeFileSync(
      join(root, 'entries/孙大伟.mdx'),
      readFileSync(join(root, ZHANG), 'utf8')
        .replace('name: 张三', 'name: 孙大伟')
        .replace('张三的故事。', '孙大伟的故事。'),
    );
    expect(await errorsOf(root)).toEqual([
      expect.stringContaining(
        'entries/孙大伟.mdx — 文件名 — 文件名 “孙大伟” 不能作网址（只能用小写拼音、数字和连字符）：请把文件改名为 sun-dawei-xixian.mdx',
      ),
    ]);
  });

  it('reports every problem at once, with lines for schema errors', async () => {
    const root = copyMini();
    editFile(root, ZHANG, (s) =>
      s.replace('summary: 义务为乡亲修理农具十多年。', 'summary: 短').replace('gender: 男', 'gender: 男性'),
    );
    editFile(root, 'entries/wang-wu-dongqu.mdx', (s) => s.replace(/withdrawal:\n.*\n.*\n/, ''));
    const errors = await errorsOf(root);
    expect(errors).toHaveLength(3);
    expect(errors).toContainEqual(
      expect.stringMatching(/^［错误］entries\/zhang-san-xixian\.mdx:10 — summary — .*至少 8 个字/),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(/^［错误］entries\/zhang-san-xixian\.mdx:11 — gender — gender 只能是 男 或 女/),
    );
    expect(errors).toContainEqual(expect.stringMatching(/^［错误］entries\/wang-wu-dongqu\.mdx — withdrawal — /));
  });

  it('reports a missing photo file and a file that is not an image', async () => {
    const root = copyMini();
    editFile(root, 'entries/zeng-hong-dongqu.mdx', (s) => s.replace('./zeng-hong-dongqu.png', './missing.png'));
    expect(await errorsOf(root)).toEqual([expect.stringContaining('photo.src — 找不到照片文件 ./missing.png')]);
    const root2 = copyMini();
    writeFileSync(join(root2, 'entries/zeng-hong-dongqu.png'), 'not an image');
    expect(await errorsOf(root2)).toEqual([expect.stringContaining('不是有效的图片')]);
  });

  it('reports broken YAML, missing frontmatter and a missing taxonomy file', async () => {
    const root = copyMini();
    editFile(root, ZHANG, (s) => s.replace('kind: person', 'kind: person: oops'));
    writeFileSync(join(root, 'entries/no-frontmatter-dongqu.mdx'), '只有正文。\n');
    const errors = await errorsOf(root);
    expect(errors).toContainEqual(expect.stringContaining(`${ZHANG}:3 — （整个文件） — 资料区 YAML 格式有误`));
    expect(errors).toContainEqual(expect.stringContaining('no-frontmatter-dongqu.mdx:1'));

    const root2 = copyMini();
    writeFileSync(join(root2, 'regions.yaml'), '');
    expect((await errorsOf(root2))[0]).toContain('regions.yaml — （整个文件） — 文件是空的');
  });

  it('refuses a journal the import would refuse with its way out, and mentions a stale import lock', async () => {
    const root = copyMini();
    writeFileSync(join(root, '.import-journal.json'), '[["/x/entries/notes.txt", "/x/src/pages/pwned.astro"]]');
    mkdirSync(join(root, '.import.lock'));
    writeFileSync(join(root, '.import.lock/pid'), '1');
    const { problems } = await checkContent(root, root);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^［错误］\.import-journal\.json — （整个文件） — 导入日志 .*旧版.*删除 \.import-journal\.json/,
      ),
      expect.stringMatching(
        /^［提醒］\.import\.lock — （整个文件） — 上次导入留下的锁已失效（进程 1 不是正在运行的导入）/,
      ),
    ]);
  });

  it('refuses over-long ids and slugs and out-of-range numbers, in Chinese, naming file and field', async () => {
    const root = copyMini();
    const long = 'a'.repeat(263);
    editFile(root, ZHANG, (s) =>
      s
        .replace('    release: 2026-q1', `    release: 2026-q1\n    session: 13812345679`)
        .replace('birth: 1980', `birth: 1980\nformerSlugs: [${long}]\nethnicity: ${'汉'.repeat(11)}`),
    );
    editFile(root, 'regions.yaml', (s) =>
      s.replace('id: xixian, name: 西县, kind: 县, order: 2', `id: ${long}, name: 西县, kind: 县, order: 13812345679`),
    );
    const wang = 'entries/wang-wu-dongqu.mdx';
    writeFileSync(join(root, `entries/${'b'.repeat(70)}.mdx`), readFileSync(join(root, wang), 'utf8'));
    const errors = await errorsOf(root);
    expect(errors).toContainEqual(
      expect.stringMatching(/^［错误］regions\.yaml:\d+ — \[1\]\.id — id “a{40}…”太长（263 个字符，最多 60 个）/),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(`^［错误］${ZHANG}:\\d+ — honours\\[0\\]\\.session — session 是第几届，最大 100`),
      ),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(new RegExp(`^［错误］${ZHANG}:\\d+ — formerSlugs\\[0\\] — 太长（最多 60 个字符）`)),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(new RegExp(`^［错误］${ZHANG}:\\d+ — ethnicity — 太长（最多 10 个字）`)),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(/^［错误］entries\/b{70}\.mdx — 文件名 — 文件名 “b{40}…” 太长（70 个字符，最多 60 个）/),
    );
    // Every message an editor reads is Chinese: no zod default ("Too big: expected …").
    for (const e of errors) expect(e).not.toMatch(/expected|Invalid|Too (big|small)/);
  });
});

describe('lineOfField', () => {
  const frontmatter = [
    'name: 张三',
    'honours:',
    '  - title: lf-hr',
    '    year: 2025',
    '  - title: sx-hr',
    '    year: 20266',
    'photo:',
    '  src: ./zhang-san.jpg',
    '  alt: 张三的照片',
    'summary: 义务修理农具',
  ].join('\n');

  it('points an editor at the nested line, not just the top-level key', () => {
    expect(lineOfField(frontmatter, 'photo.alt')).toBe(9);
    expect(lineOfField(frontmatter, 'honours[1].year')).toBe(6);
    expect(lineOfField(frontmatter, 'honours[0].title')).toBe(3);
    expect(lineOfField(frontmatter, 'summary')).toBe(10);
  });

  it('falls back to the deepest line it finds for a missing field, and adds the offset', () => {
    expect(lineOfField(frontmatter, 'photo.width')).toBe(7);
    expect(lineOfField(frontmatter, 'honours[2].year')).toBe(2);
    expect(lineOfField(frontmatter, 'birth')).toBeUndefined();
    expect(lineOfField(frontmatter, 'photo.alt', 1)).toBe(10);
  });
});

describe('checkContent on an entry with several kinds of mistake', () => {
  it('names a region and a title written by their names in the same run as a summary too short', async () => {
    const root = copyMini();
    editFile(root, ZHANG, (s) =>
      s
        .replace('region: xixian', 'region: 西县')
        .replace('title: shi', 'title: 测试市好人')
        .replace('summary: 义务为乡亲修理农具十多年。', 'summary: 待补充'),
    );
    const errors = await errorsOf(root);
    expect(errors).toContainEqual(
      expect.stringMatching(/:4 — region — 地区 “西县” 是名称，这里要写 id：请改为 xixian/),
    );
    expect(errors).toContainEqual(expect.stringMatching(/— honours\[0\]\.title — 称号 “测试市好人” 是名称/));
    expect(errors).toContainEqual(expect.stringMatching(/— summary — /));
  });
});
