import { describe, expect, it } from 'vitest';
import { renderStory } from '../../../parse/story.ts';
import { insertQuote, quoteElement } from './quote.ts';

describe('插入引语', () => {
  it('writes the engine’s Quote with its speaker, as its own paragraph where the cursor is', () => {
    const story = '第一段。\n\n第二段。';
    const at = story.indexOf('第二段');
    const { story: next, caret } = insertQuote(story, at, at, '能帮一把是一把。', '韩梅梅（示例）');
    expect(next).toBe('第一段。\n\n<Quote by="韩梅梅（示例）">能帮一把是一把。</Quote>\n\n第二段。');
    expect(next.slice(0, caret).endsWith('</Quote>')).toBe(true);
    expect(insertQuote('', 0, 0, '好', '').story).toBe('<Quote>好</Quote>\n');
  });

  it('replaces the selection, which is the quotation the editor chose', () => {
    const story = '他说：我们尽力了。然后走了。';
    const start = story.indexOf('我们');
    const end = story.indexOf('然后');
    expect(insertQuote(story, start, end, story.slice(start, end), '').story).toBe(
      '他说：\n\n<Quote>我们尽力了。</Quote>\n\n然后走了。',
    );
  });

  it('keeps whatever the editor typed a story the check accepts: no tag, code or broken attribute', () => {
    const element = quoteElement('温度 <0度 时 {也} 出诊 & 巡诊\n第二行', '村民"老王" <某村>');
    const story = `正文。\n\n${element}\n`;
    const rendered = renderStory(story);
    expect(rendered).toMatchObject({ ok: true, html: expect.stringContaining('<figure class="quote">') });
    expect(rendered.ok && rendered.html).toContain('<figcaption>——村民”老王” 〈某村></figcaption>');
    expect(element).toBe('<Quote by="村民”老王” 〈某村>">温度 &lt;0度 时 &#123;也} 出诊 &amp; 巡诊第二行</Quote>');
  });
});
