import { describe, expect, it } from 'vitest';
import { SEARCH_TERMS_ATTR } from '../rules/search-terms-attr.ts';
import { pageTexts } from './gate-texts.ts';

describe('pageTexts', () => {
  it('reads a page of any size: no spread of its blocks or search terms into one call', () => {
    // A 90 MB page of a wide table failed with "Maximum call stack size exceeded" at texts.push(...split).
    const n = 300_000;
    const terms = Array.from({ length: n }, (_, i) => `t${i}`).join(' ');
    const texts = pageTexts(`<main ${SEARCH_TERMS_ATTR}="${terms}">${'<p>好</p>'.repeat(n)}</main>`);
    expect(texts.filter((t) => t === '好')).toHaveLength(n);
    expect(texts.filter((t) => t.startsWith('t'))).toHaveLength(n);
  });
});
