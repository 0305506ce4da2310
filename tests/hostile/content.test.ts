/**
 * Hostile content, tried as an attacker (or a careless editor) would: every
 * case is one class of attack, and all of them live in one content root (a
 * copy of the mini fixture, each entry attack on its own copy of the victim
 * entry), checked once and built once. For each, `content:check` refuses it
 * naming the file, the field and the fix; the real build refuses it with the
 * same message; nothing ran (no file appeared where an attack writes); and
 * the previous build output is byte-identical.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build.ts';
import { copyMini, editFile } from '../helpers/fixture.ts';
import { projectTmp } from '../helpers/tmp.ts';
import { checkErrors, filesIn, markerDir, treeDigest } from './helpers.ts';

/** The victim entry of the mini fixture that each entry attack gets a copy of. */
const ORIGINAL = 'entries/zhang-san-xixian.mdx';
/** Each case's own copy of the victim: its path is in the case's message. */
let VICTIM = ORIGINAL;
/** Replaces the victim entry's story. */
const story = (root: string, body: string) => editFile(root, VICTIM, (s) => s.replace('张三的故事。', body));
/** The victim's story starts on this line of its file. */
const STORY_LINE = 15;

const photoOf = (victim: string) => victim.replace(/^.*\//, '').replace('.mdx', '.jpg');

interface Case {
  name: string;
  /** Breaks the shared content root; `marker` is where a successful attack would write. */
  attack: (root: string, marker: string) => void;
  /** What the editor reads, as `file:line — field — message` (a part of it); read once the case's victim is set. */
  message: () => string | RegExp;
}

const write = (marker: string) => `globalThis.process.getBuiltinModule('node:fs').writeFileSync('${marker}/ran', 'x')`;

const CASES: Case[] = [
  {
    name: 'a block expression that writes a file',
    attack: (root, marker) => story(root, `{${write(marker)}}`),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 正文里不允许花括号表达式`,
  },
  {
    name: 'an inline expression that runs a command',
    attack: (root, marker) =>
      story(root, `身份：{globalThis.process.getBuiltinModule('node:child_process').execSync('id > ${marker}/id')}`),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 正文里不允许花括号表达式`,
  },
  {
    name: 'an import with no spaces',
    attack: (root, marker) => story(root, `import{writeFileSync}from'node:fs'\n\n{writeFileSync('${marker}/ran','x')}`),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 正文里不允许 import 或 export 语句`,
  },
  {
    name: "an editor's own .astro component imported from the content folder",
    attack: (root, marker) => {
      mkdirSync(join(root, 'entries/src/components'), { recursive: true });
      writeFileSync(
        join(root, 'entries/src/components/Evil.astro'),
        `---\n${write(marker)};\n---\n<script>alert(1)</script>\n`,
      );
      story(root, "import Evil from './src/components/Evil.astro'\n\n<Evil />");
    },
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 正文里不允许 import 或 export 语句`,
  },
  {
    name: 'an export that runs at module load',
    attack: (root, marker) => story(root, `export const x = ${write(marker)}\n\n正文`),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 正文里不允许 import 或 export 语句`,
  },
  {
    name: 'raw HTML through set:html',
    attack: (root) =>
      story(root, '<Fragment set:html={"<me"+"ta http-equiv=refresh content=0;url=https://evil.example/>"} />'),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 不认识的组件 <Fragment>`,
  },
  {
    name: 'a set:html directive with a literal string on a story component',
    attack: (root) => story(root, '<Quote by="张三" set:html="<img src=x onerror=alert(1)>">话</Quote>'),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — <Quote> 没有 set:html 这一项`,
  },
  {
    name: 'a JSX spread of attributes',
    attack: (root) => story(root, "<Quote {...{onerror: 'alert(1)'}}>话</Quote>"),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — <Quote> 里不允许使用 {…} 写法`,
  },
  {
    name: 'an expression as an attribute value',
    attack: (root, marker) => story(root, `<Quote by={${write(marker)}}>话</Quote>`),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — <Quote> 的 by 必须是用引号括起来的文字`,
  },
  {
    name: 'a script element, and an HTML element with an event handler',
    attack: (root) => story(root, '<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)" />'),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 正文里不允许使用 HTML 标签 <script>`,
  },
  {
    name: 'raw HTML in a story that is not valid MDX (the Markdown reading)',
    attack: (root) => story(root, '气温<0度\n\n<iframe src="https://evil.example/"></iframe>'),
    message: () => `${VICTIM}:${STORY_LINE + 2} — 正文 — 正文里不允许使用 HTML 标签 <iframe`,
  },
  {
    name: 'a story image that reads outside the content root',
    attack: (root) => story(root, '![](../../../../../../etc/hostname)'),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 正文里不能插入图片`,
  },
  {
    name: 'a javascript: link spelled with a character reference',
    attack: (root) => story(root, '[点我](javascript&#58;alert(document.cookie))'),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 不允许使用 javascript: 链接`,
  },
  {
    name: 'a javascript: link in the sources',
    attack: (root) =>
      editFile(root, VICTIM, (s) =>
        s.replace('birth: 1980', 'birth: 1980\nsources:\n  - title: 报道\n    url: javascript:alert(1)'),
      ),
    message: () => `${VICTIM}:15 — sources[0].url — 来源网址必须是以 https:// 或 http:// 开头`,
  },
  {
    name: 'a component story that breaks MDX (would have crashed the build in English)',
    attack: (root) => story(root, '<Quote by="张三">气温<0度</Quote>'),
    message: () => new RegExp(`${VICTIM}:${STORY_LINE} — 正文 — 第 \\d+ 个字符附近无法解析`),
  },
  {
    name: 'a symlinked entry pointing at a file outside the content root',
    attack: (root, marker) => {
      const outside = join(mkdtempSync(join(tmpdir(), 'honour-evil-')), 'evil.mdx');
      writeFileSync(outside, readFileSync(join(root, VICTIM), 'utf8').replace('张三的故事。', `{${write(marker)}}`));
      symlinkSync(outside, join(root, 'entries/evil-xixian.mdx'));
    },
    message: () => 'entries/evil-xixian.mdx — （整个文件） — 这是一个链接（快捷方式），不是文件',
  },
  {
    name: 'a symlinked folder of entries',
    attack: (root) => {
      const outside = mkdtempSync(join(tmpdir(), 'honour-evil-'));
      symlinkSync(outside, join(root, 'entries/more'));
    },
    message: () => 'entries/more — （整个文件） — 这是一个链接（快捷方式），不是文件',
  },
  {
    name: 'a photo given by an absolute path',
    attack: (root) =>
      editFile(root, VICTIM, (s) =>
        s.replace(
          'birth: 1980',
          `birth: 1980\nphoto:\n  src: ${resolve('content/entries/yaodu/zhang-jianguo-yaodu.jpg')}\n  alt: 照片`,
        ),
      ),
    message: () => `${VICTIM}:14 — photo.src — 照片路径`,
  },
  {
    name: 'a photo path that climbs out of the content root',
    attack: (root) =>
      editFile(root, VICTIM, (s) =>
        s.replace('birth: 1980', 'birth: 1980\nphoto:\n  src: ./../../../../../../etc/x.jpg\n  alt: 照片'),
      ),
    message: () => `${VICTIM}:14 — photo.src — 照片路径`,
  },
  {
    name: 'a photo that is a symlink to a file outside the root',
    attack: (root) => {
      symlinkSync(resolve('content/entries/yaodu/zhang-jianguo-yaodu.jpg'), join(root, VICTIM.replace('.mdx', '.jpg')));
      editFile(root, VICTIM, (s) =>
        s.replace('birth: 1980', `birth: 1980\nphoto:\n  src: ./${photoOf(VICTIM)}\n  alt: 照片`),
      );
    },
    message: () => `${VICTIM}:14 — photo.src — 照片 ./${photoOf(VICTIM)} 是一个链接`,
  },
  {
    name: 'a region id that is a path',
    attack: (root) => {
      editFile(root, 'regions.yaml', (s) => `${s}- { id: ../../x, name: 坏区, kind: 区, order: 3, aliases: [] }\n`);
    },
    message: () => 'regions.yaml:3 — [2].id — id “../../x”只能使用小写拼音字母',
  },
  {
    name: 'a YAML alias bomb in front matter',
    attack: (root) => {
      const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i <= 8; i++)
        lines.push(
          `l${i}: &l${i} [${Array(9)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
        );
      editFile(root, VICTIM, (s) => s.replace('birth: 1980', `birth: 1980\n${lines.join('\n')}`));
    },
    message: () => `${VICTIM}:13 — （整个文件） — 资料区 不允许使用 YAML 锚点`,
  },
  {
    name: 'a YAML alias in a collection file',
    attack: (root) => editFile(root, 'categories.yaml', (s) => s.replace(/^- /, '- &a ').concat('- *a\n')),
    message: () => 'categories.yaml:1 — （整个文件） — 不允许使用 YAML 锚点',
  },
  {
    name: 'an explicit YAML tag',
    attack: (root) => editFile(root, VICTIM, (s) => s.replace('gender: 男', 'gender: !!js/function 男')),
    message: () => `${VICTIM}:11 — （整个文件） — 资料区 不允许使用 YAML 标记`,
  },
  {
    name: 'an entry saved as GBK',
    attack: (root) => writeFileSync(join(root, VICTIM), iconv.encode(readFileSync(join(root, VICTIM), 'utf8'), 'gbk')),
    message: () => `${VICTIM} — （整个文件） — 文件不是 UTF-8 编码（可能是 GBK/ANSI）`,
  },
  {
    name: 'a NUL byte in an entry',
    attack: (root) => editFile(root, VICTIM, (s) => s.replace('张三的故事。', '张三的\0故事。')),
    message: () => `${VICTIM} — （整个文件） — 第 15 行含有空字符（NUL）`,
  },
  {
    // 27 KB: 6,000 columns, 1,500 short rows padded to them, a 90 MB page and 3.26 GB in Astro.
    name: 'a table of nine million cells',
    attack: (root) => story(root, `|${'a|'.repeat(6_000)}\n|${'-|'.repeat(6_000)}\n${'|a\n'.repeat(1_500)}`),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 这一行开始的表格太大（6000 列`,
  },
  {
    // 96 KB: 16.6 s and 4.6 GB in the content check; four of them got the build killed at 14 GB.
    name: 'character references whose parse grows with their square',
    attack: (root) => story(root, '&#0;'.repeat(24_000)),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 正文里的字符引用`,
  },
  {
    name: 'a list whose rendering grows with the square of its items',
    attack: (root) => story(root, '-\n'.repeat(64_000)),
    message: () => `${VICTIM}:${STORY_LINE + 1_000} — 正文 — 正文里的列表项太多`,
  },
  {
    name: 'a phone number as a session',
    attack: (root) =>
      editFile(root, VICTIM, (s) => s.replace('    year: 2026', '    year: 2026\n    session: 13812345679')),
    message: () => `${VICTIM}:9 — honours[0].session — session 是第几届，最大 100`,
  },
  {
    // A former slug becomes a folder: 263 characters gave ENAMETOOLONG with an English stack.
    name: 'a former slug longer than a file name may be',
    attack: (root) =>
      editFile(root, VICTIM, (s) => s.replace('gender: 男', `gender: 男\nformerSlugs: [${'a'.repeat(263)}]`)),
    message: () => `${VICTIM}:12 — formerSlugs[0] — 太长（最多 60 个字符）`,
  },
];

/** Content a careless editor breaks: refused by the same check, in the same root (from tests/build.test.ts and tests/builds/editor.ts). */
CASES.push(
  {
    name: 'a reference to an unknown region',
    attack: (root) => editFile(root, VICTIM, (s) => s.replace('region: xixian', 'region: beixian')),
    message: () => `${VICTIM}:4 — region — 地区 “beixian” 不存在`,
  },
  {
    name: 'duplicate slugs in two folders',
    attack: (root) => {
      mkdirSync(join(root, 'entries', 'again'));
      cpSync(join(root, ORIGINAL), join(root, 'entries/again/zhang-san-xixian.mdx'));
    },
    message: () => '网址标识 “zhang-san-xixian” 与',
  },
  {
    name: 'a schema error such as a minor with a photo',
    attack: (root) => editFile(root, 'entries/zeng-hong-dongqu.mdx', (s) => s.replace('gender: 女', 'minor: true')),
    message: () => /entries\/zeng-hong-dongqu\.mdx:\d+ — photo — 未成年人不得发布照片/,
  },
  {
    name: 'a landline in a story',
    attack: (root) => story(root, '联系电话 0357-2345678'),
    message: () => `${VICTIM}:${STORY_LINE} — 正文 — 含有固定电话号码`,
  },
);

describe('hostile content is refused by the check and the build, and nothing runs', () => {
  const messages: Array<string | RegExp> = [];
  let marker: string;
  let errors: string[];
  let build: BuildResult;
  let previous: string;
  let previousDigest: string;

  beforeAll(async () => {
    const root = copyMini();
    marker = markerDir();
    const original = readFileSync(join(root, ORIGINAL));
    CASES.forEach((c, i) => {
      // Each attack on an entry has a victim of its own, so its line numbers and messages stay its own.
      VICTIM = `entries/hostile-${i}-xixian.mdx`;
      writeFileSync(join(root, VICTIM), original);
      c.attack(root, marker);
      messages[i] = c.message();
    });
    errors = await checkErrors(root);
    // The "previous dist/" the failed build must leave as it was: a copy of the mini site.
    previous = join(projectTmp('hostile-'), 'dist');
    cpSync(inject('miniDist'), previous, { recursive: true });
    previousDigest = treeDigest(previous);
    build = await buildSite(root, previous);
  });

  it('refuses to build, ran nothing and left the previous output as it was', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('内容检查未通过');
    expect(filesIn(marker)).toEqual([]);
    expect(treeDigest(previous)).toBe(previousDigest);
  });

  it('has cases of distinct names', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  CASES.forEach((c, i) => {
    it(`refuses ${c.name}`, () => {
      const message = messages[i];
      if (message === undefined || message === '') throw new Error(`no message for case ${i}`);
      const matches = (line: string) => (typeof message === 'string' ? line.includes(message) : message.test(line));
      expect(errors.filter(matches), String(message)).not.toEqual([]);
      // The build prints the same line as an error, not as a warning (［提醒］); its path is relative
      // to the project, so the check's is a suffix of it.
      const lines = build.output.split('\n').filter(matches);
      expect(lines, String(message)).not.toEqual([]);
      expect(lines.filter((l) => l.includes('［提醒］'))).toEqual([]);
    });
  });
});
