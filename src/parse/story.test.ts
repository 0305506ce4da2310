import { describe, expect, it } from 'vitest';
import { markdownToMdast } from 'satteri';
import type { Root } from 'mdast';
import {
  renderedSizeBound,
  renderStory,
  storyHtml,
  STORY_COMPONENTS,
  STORY_MAX_HTML,
  type StoryComponents,
} from './story.ts';

/** The refusals of a story, as `line: message`, with the story starting on line 10 of its file. */
const refused = (body: string) => {
  const r = renderStory(body, 10);
  return r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message}`);
};
const html = (body: string) => {
  const r = renderStory(body, 1);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.html;
};

describe('stories are data: judged on the syntax tree', () => {
  it('renders Markdown with every text escaped', () => {
    expect(html('他**三十年**如一日。\n\n- 第一件\n- 第二件\n\n[报道](https://example.cn/a)')).toBe(
      '<p>他<strong>三十年</strong>如一日。</p>\n<ul>\n<li>第一件</li>\n<li>第二件</li>\n</ul>\n<p><a href="https://example.cn/a">报道</a></p>',
    );
  });

  it('shows the text editors really type as typed', () => {
    expect(html('气温<0度，大家{都}说 1 < 2')).toBe('<p>气温&#x3C;0度，大家{都}说 1 &#x3C; 2</p>');
    expect(html('一个 { 括号')).toBe('<p>一个 { 括号</p>');
    expect(html('见 <https://example.cn/a>')).toBe('<p>见 <a href="https://example.cn/a">https://example.cn/a</a></p>');
    expect(html('&lt;script&gt; &#123;x&#125;')).toBe('<p>&#x3C;script> {x}</p>');
  });

  it('drops HTML comments from the page', () => {
    expect(html('第一段\n\n<!-- 备注：待核实 -->\n\n第二段')).toBe('<p>第一段</p>\n<p>第二段</p>');
    expect(html('正文 <!-- 行内备注 --> 继续')).not.toContain('备注');
  });

  it('renders the engine’s Quote with no import', () => {
    expect(html('<Quote by="张三">老人把我们养大。</Quote>')).toBe(
      '<figure class="quote"><blockquote>老人把我们养大。</blockquote><figcaption>——张三</figcaption></figure>',
    );
    expect(html('<Quote>\n\n第一段\n\n第二段\n\n</Quote>')).toBe(
      '<figure class="quote"><blockquote><p>第一段</p><p>第二段</p></blockquote></figure>',
    );
  });

  it('renders each component with its own handler: a second one is not a quote', () => {
    // A test-only component, registered as ARCHITECTURE.md says a new one is.
    const components: StoryComponents = {
      ...STORY_COMPONENTS,
      Note: {
        attributes: ['title'],
        render: ({ title }, children) => ({
          type: 'element',
          tagName: 'aside',
          properties: { className: ['note'] },
          children: [
            {
              type: 'element',
              tagName: 'p',
              properties: { className: ['note-title'] },
              children: [{ type: 'text', value: title ?? '' }],
            },
            ...children,
          ],
        }),
      },
    };
    const r = renderStory('<Note title="说明">第一段</Note>\n\n<Quote by="张三">第二段</Quote>', 1, components);
    expect(r.ok && r.html).toBe(
      '<aside class="note"><p class="note-title">说明</p>第一段</aside>\n<figure class="quote"><blockquote>第二段</blockquote><figcaption>——张三</figcaption></figure>',
    );
    const wrong = renderStory('<Note by="张三">第一段</Note>', 1, components);
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^<Note> 没有 by 这一项：只能写 title="…"/),
    ]);
    // Without it registered, the same tag is refused.
    expect(refused('<Note title="说明">第一段</Note>')).toEqual([expect.stringMatching(/^10: 不认识的组件 <Note>/)]);
  });

  it('knows components by their own names only, never by an object’s inherited ones', () => {
    expect(refused('<constructor>一段</constructor>')).toEqual([
      expect.stringMatching(/^10: 正文里不允许使用 HTML 标签 <constructor>/),
    ]);
  });

  it('refuses expressions, which would run at build time', () => {
    expect(refused("{globalThis.process.getBuiltinModule('node:fs').writeFileSync('/tmp/x', '1')}")).toEqual([
      expect.stringMatching(/^10: 正文里不允许花括号表达式/),
    ]);
    expect(refused('第一段\n\n共 {1 + 1} 次')).toEqual([expect.stringMatching(/^12: 正文里不允许花括号表达式/)]);
  });

  it('refuses every import and export, however it is spaced', () => {
    for (const line of [
      "import{readFileSync}from'node:fs'",
      "import Quote from '../../../src/components/Quote.astro'",
      "import Evil from '../lib/src/components/Evil.astro'",
      'export const a = 1',
    ]) {
      expect(refused(`${line}\n\n正文`)).toEqual([expect.stringMatching(/^10: 正文里不允许 import 或 export/)]);
    }
  });

  it('refuses HTML, unknown components, spreads and directives', () => {
    expect(refused('<script>alert(1)</script>')).toEqual([expect.stringMatching(/HTML 标签 <script>/)]);
    expect(refused('<img src="x" onerror="alert(1)" />')).toEqual([expect.stringMatching(/HTML 标签 <img>/)]);
    expect(refused('换行<br>')).toEqual([expect.stringMatching(/HTML 标签 <br>/)]);
    expect(refused('<Fragment set:html={"<me"+"ta http-equiv=refresh>"} />')).toEqual([
      expect.stringMatching(/不认识的组件 <Fragment>/),
    ]);
    expect(refused('<Quote {...{onerror: "x"}}>话</Quote>')).toEqual([expect.stringMatching(/不允许使用 \{…\} 写法/)]);
    expect(refused('<Quote by="x" set:html="<b>">话</Quote>')).toEqual([expect.stringMatching(/没有 set:html 这一项/)]);
    expect(refused('<Quote by={"x"}>话</Quote>')).toEqual([expect.stringMatching(/必须是用引号括起来的文字/)]);
    expect(refused('正文 <Quote by="x">话</Quote> 继续')).toEqual([expect.stringMatching(/必须单独成段/)]);
  });

  it('refuses a broken component story with the line where it broke', () => {
    expect(refused('第一段\n\n<Quote by="x">气温<0度</Quote>')).toEqual([
      expect.stringMatching(/^12: .*无法解析.*&lt;/),
    ]);
  });

  it('contains images and links', () => {
    expect(refused('![](../../../../etc/x.jpg)')).toEqual([expect.stringMatching(/不能插入图片/)]);
    expect(refused('[点我](javascript:alert(1))')).toEqual([expect.stringMatching(/javascript: 链接/)]);
    expect(refused('[点我](javascript&#58;alert(1))')).toEqual([expect.stringMatching(/javascript: 链接/)]);
    expect(refused('[点我](data:text/html,x)')).toEqual([expect.stringMatching(/data: 链接/)]);
    expect(refused('[点我](../../etc/passwd)')).toEqual([expect.stringMatching(/不是完整网址/)]);
    expect(refused('[点我][1]\n\n[1]: javascript:alert(1)')).toEqual([expect.stringMatching(/javascript: 链接/)]);
    expect(refused('[电话](tel:03570000000) [邮件](mailto:office@example.cn)')).toEqual([]);
  });

  it('refuses a first-level heading, footnotes, and nesting too deep to render', () => {
    expect(refused('# 标题')).toEqual([expect.stringMatching(/## 开头/)]);
    expect(refused('说明[^1]\n\n[^1]: 注释')).not.toEqual([]);
    expect(refused(`${'>'.repeat(200)} 很深`)).toEqual([expect.stringMatching(/嵌套太深/)]);
  });

  it('refuses a story too long to be one, before parsing it', () => {
    expect(refused('好'.repeat(50_000))).toEqual([expect.stringMatching(/^10: 正文太长/)]);
  });

  it('refuses, before parsing, input whose parse time grows with its square', () => {
    // 40,000 lines of "{" took satteri 8 s to parse; a thousand unclosed tags, seconds.
    expect(refused('{\n'.repeat(40_000))).toEqual([expect.stringMatching(/^10: 正文里的 “<” 和 “\{” 太多（40000 个/)]);
    expect(refused('<b>x\n'.repeat(1_000))).toEqual([expect.stringMatching(/太多（1000 个/)]);
    expect(refused(`第一段\n\n${'- '.repeat(30_000)}深`)).toEqual([expect.stringMatching(/^12: 正文嵌套太深/)]);
    expect(refused(`${'> '.repeat(24)}二十四层引用还可以`)).toEqual([]);
  });

  it('refuses, before parsing, a table whose cells are too many: columns from the delimiter row', () => {
    const table = (columns: number, rows: number, row = `|${'a|'.repeat(columns)}`) =>
      `|${'a|'.repeat(columns)}\n|${'-|'.repeat(columns)}\n${`${row}\n`.repeat(rows)}`;
    // 27 KB: 6,000 columns, 1,500 short rows padded to the delimiter row's width, a 90 MB page.
    const started = performance.now();
    expect(refused(table(6_000, 1_500, '|a'))).toEqual([expect.stringMatching(/^10: 这一行开始的表格太大（6000 列/)]);
    expect(performance.now() - started).toBeLessThan(1_000);
    // A real story's table, and a larger one, pass.
    expect(refused(`前言\n\n${table(10, 50)}`)).toEqual([]);
    expect(refused(table(20, 99))).toEqual([]);
    expect(refused(table(20, 100))).toEqual([expect.stringMatching(/每个表格最多 2000 格/)]);
    // Delimiter rows without pipes, and tables inside quotes and lists, count the same.
    expect(refused(`甲\n${'-:\n'.repeat(2)}${'乙\n'.repeat(2_000)}`)).toEqual([
      expect.stringMatching(/表格太大（1 列/),
    ]);
    expect(refused(`> ${'a|'.repeat(100)}\n> ${'-|'.repeat(100)}\n${'> a\n'.repeat(30)}`)).toEqual([
      expect.stringMatching(/表格太大（100 列/),
    ]);
    expect(refused(`- ${'a|'.repeat(100)}\n  ${'-|'.repeat(100)}\n${'  a\n'.repeat(30)}`)).toEqual([
      expect.stringMatching(/表格太大（100 列/),
    ]);
    // Tables each within the bound, too many in all.
    expect(refused([1, 2, 3].map(() => table(10, 180)).join('\n'))).toEqual([
      expect.stringMatching(/^5\d\d: 正文里的表格一共太大.*全文最多 5000 格/),
    ]);
  });

  it('refuses, before parsing, character references whose parse time grows with their square', () => {
    // 24,000 of them took 16.6 s and 4.6 GB in the content check.
    const started = performance.now();
    expect(refused('&#0;'.repeat(24_000))).toEqual([expect.stringMatching(/^10: 正文里的字符引用.*超过 1000 个/)]);
    expect(refused(`第一段\n\n${'&copy;\n'.repeat(1_001)}`)).toEqual([
      expect.stringMatching(/^1012: 正文里的字符引用/),
    ]);
    expect(refused('&#x1F600;&#1234567;&nbsp;'.repeat(400))).not.toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(refused(`他说&nbsp;&nbsp;好。${'&nbsp;'.repeat(40)}&copy; &#123;`)).toEqual([]);
    // An ampersand that is no reference is text.
    expect(refused('甲&乙 '.repeat(5_000))).toEqual([]);
  });

  it('refuses, before parsing, more list items than a list renders in time', () => {
    // 64,000 empty items (125 KB) took 59 s to render: every item asks whether its list is loose.
    const started = performance.now();
    expect(refused('-\n'.repeat(64_000))).toEqual([expect.stringMatching(/^1010: 正文里的列表项太多/)]);
    expect(refused(Array.from({ length: 2_000 }, (_, i) => `${i + 1}. 项`).join('\n'))).not.toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(refused('- 第一件\n'.repeat(100))).toEqual([]);
  });

  it('refuses a story whose HTML would be too large, without rendering it', () => {
    // Quotes 24 deep, paragraph after paragraph: 13 characters of HTML for each byte of text.
    const quotes = (n: number) => `${'> '.repeat(24)}好\n\n`.repeat(n);
    expect(refused(quotes(100))).toEqual([]);
    expect(refused(quotes(1_800))).toEqual([expect.stringMatching(/^10: 正文排版后太大（超过 100 万个字符）/)]);
    // One long address used many times (satteri stops expanding references at about 300 KB).
    const refs = (n: number) => `[r]: https://example.cn/${'好'.repeat(1_000)}\n\n${'[报道][r] '.repeat(n)}`;
    // The bound is never below the HTML itself.
    const F = { gfm: { footnotes: false }, frontmatter: false } as const;
    for (const body of [
      refs(50),
      refs(400),
      quotes(1_800),
      `|${'a|'.repeat(89)}\n|${':-:|'.repeat(89)}\n${'|a\n'.repeat(21)}`,
      Array.from({ length: 2_000 }, (_, i) => `${'> '.repeat((i % 24) + 1)}- a & b`).join('\n'),
      '&<>"\'*a*`x<y`\n\n```js "t"\n<&>\n```\n\n[a](https://a.cn/"好" "t&")'.repeat(40),
    ]) {
      const tree = markdownToMdast(body, { features: F }) as unknown as Root;
      expect(renderedSizeBound(tree)).toBeGreaterThanOrEqual(storyHtml(tree).length);
    }
  });

  it('refuses, as a last line, HTML too large whatever made it', () => {
    const components: StoryComponents = {
      Big: {
        attributes: [],
        render: () => ({
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [{ type: 'text', value: '好'.repeat(STORY_MAX_HTML) }],
        }),
      },
    };
    const r = renderStory('<Big />', 10, components);
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^10: 正文排版后太大/),
    ]);
  });
});
