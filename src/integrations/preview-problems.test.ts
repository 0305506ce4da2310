import { describe, expect, it } from 'vitest';
import { problemsPage } from './preview-problems.ts';

describe('the preview’s problems page', () => {
  it('lists errors before warnings in the check’s own words, with content’s text escaped', () => {
    const html = problemsPage({
      state: 'abc',
      problems: [
        {
          file: 'entries/a.mdx',
          field: 'summary',
          message: '可能重复',
          severity: 'warning',
          code: 'person.likely-duplicate',
        },
        {
          file: 'entries/b.mdx',
          line: 4,
          field: 'region',
          message: '地区 “<script>x</script>” 不存在',
          severity: 'error',
          code: 'ref.region-unknown',
        },
      ],
    });
    expect(html).toContain('内容有错误（1 处）');
    expect(html.indexOf('entries/b.mdx:4 — region — 地区 “&#60;script&#62;x&#60;/script&#62;” 不存在')).toBeGreaterThan(
      0,
    );
    expect(html.indexOf('entries/b.mdx:4')).toBeLessThan(html.indexOf('entries/a.mdx'));
    expect(html).not.toContain('<script>x');
  });
});
