import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup, isPlainMarkdown } from './markup.ts';

const found = (body: string) => findUnsafeMarkup(body, 10).map((h) => `${h.line}:${h.match}`);

describe('findUnsafeMarkup', () => {
  it('passes a plain story with Markdown, quotes and links', () => {
    expect(found('他说：“换了谁都会这么做。”\n\n> 引用\n\n[报道](https://example.cn/a)\n')).toEqual([]);
  });

  it('finds script, iframe and style elements with their line', () => {
    expect(found('第一段\n\n<script>alert(1)</script>\n<iframe src="https://x"></iframe>\n< style>')).toEqual([
      '12:<script',
      '13:<iframe',
      '14:< style',
    ]);
  });

  it('finds event handlers and javascript: URLs', () => {
    expect(found('<img src="a.jpg" onerror="x()" />\n[点我](javascript:alert(1))')).toEqual([
      '10:onerror=',
      '11:javascript:',
    ]);
  });

  it('allows only imports of the site’s own components', () => {
    expect(found("import Quote from '../../../src/components/Quote.astro';\n\n正文")).toEqual([]);
    expect(found("import fs from 'node:fs';\nimport x from 'https://evil.example/x.js'\nexport const a = 1")).toEqual([
      "10:import fs from 'node:fs'",
      "11:import x from 'https://evil.example/x.js'",
      '12:export',
    ]);
  });
});

describe('isPlainMarkdown', () => {
  it('takes stories written in Markdown alone', () => {
    expect(
      isPlainMarkdown('他**三十年**如一日照顾邻居。\n\n- 第一件事\n- 第二件事\n\n[来源](https://example.org/a)'),
    ).toBe(true);
    expect(isPlainMarkdown('## 事迹\n\n1. 救人\n   继续写\n\n> 引用一句话')).toBe(true);
  });

  it('leaves components, HTML, expressions, imports and indented blocks to MDX', () => {
    expect(isPlainMarkdown('import Quote from "../../../src/components/Quote.astro";\n\n正文')).toBe(false);
    expect(isPlainMarkdown('<Quote>话</Quote>')).toBe(false);
    expect(isPlainMarkdown('他说<br/>再见')).toBe(false);
    expect(isPlainMarkdown('共计 {1 + 1} 次')).toBe(false);
    expect(isPlainMarkdown('段落\n\n    缩进四格的一段')).toBe(false);
    expect(isPlainMarkdown('段落\n\n\t制表符缩进')).toBe(false);
  });
});
