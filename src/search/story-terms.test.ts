import { describe, expect, it } from 'vitest';
import { searchesStories, storyTerms } from './story-terms.ts';

describe('storyTerms', () => {
  it('splits a query into its words, and letters and digits apart from characters', () => {
    expect(storyTerms('xyz不存在')).toEqual(['xyz', '不存在']);
    expect(storyTerms(' 孤寡  送终 ')).toEqual(['孤寡', '送终']);
    expect(storyTerms('G209国道')).toEqual(['G209', '国道']);
    expect(storyTerms('“送终”。')).toEqual(['送终']);
  });

  it('keeps a one-term query whole', () => {
    expect(storyTerms('不离不弃')).toEqual(['不离不弃']);
    expect(storyTerms('zhang')).toEqual(['zhang']);
    expect(storyTerms('  ')).toEqual([]);
  });

  it('asks the story indexes for two characters or more, never for one', () => {
    for (const q of ['的', ' 好 ', 'z', '𠀀']) expect(searchesStories(q), q).toBe(false);
    for (const q of ['送终', '好 人', 'zh', 'G2']) expect(searchesStories(q), q).toBe(true);
  });
});
