import { describe, expect, it } from 'vitest';
import { renderStory, STORY_COMPONENTS, type StoryComponents } from './story.ts';

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
});
