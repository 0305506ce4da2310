import { describe, expect, it } from 'vitest';
import { renderStory } from '../parse/story.ts';
import { previewEntry } from './preview.ts';

const FRONT = `---\nname: 孙大伟\nkind: person\nregion: yaodu\ncategory: jingye\nhonours:\n  - title: lf-hr\n    year: 2026\nsummary: 示例：在社区服务站为老人义务理发二十年。\n---\n\n`;

describe('previewEntry', () => {
  it('renders the story as the entry page does, quotations included', () => {
    const story = '孙大伟是**示例**人物。\n\n<Quote by="社区居民">他理的发，老人们都说好看。</Quote>\n';
    const { html, problems } = previewEntry(FRONT + story, '预览', {});
    const site = renderStory(story, 12);
    expect(site.ok && html).toBe(site.ok && site.html);
    expect(html).toContain('<strong>示例</strong>');
    expect(html).toContain('社区居民');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('says what the check says while the editor types, and shows no story that cannot be published', () => {
    const phone = previewEntry(`${FRONT}孙大伟的电话是 13812345678。\n`, '预览', {});
    expect(phone.problems).toContainEqual(expect.objectContaining({ code: 'privacy.mobile', field: '正文' }));
    const script = previewEntry(`${FRONT}<script>alert(1)</script>\n`, '预览', {});
    expect(script.html).toBe('');
    expect(script.problems.some((p) => p.severity === 'error' && p.code.startsWith('story.'))).toBe(true);
  });
});
