import { describe, expect, it } from 'vitest';
import { formatReport, type Problem } from './problems.ts';

describe('formatReport', () => {
  const problem = (i: number, severity: Problem['severity']): Problem => ({
    file: `${i}.mdx`,
    field: 'name',
    message: '问题',
    severity,
    code: 'person.likely-duplicate',
  });

  it('lists errors first, and past the limit counts the rest before the closing line', () => {
    const problems = [...Array.from({ length: 150 }, (_, i) => problem(i, 'warning')), problem(999, 'error')];
    const lines = formatReport(problems, 100).split('\n');
    expect(lines).toHaveLength(102);
    expect(lines[0]).toMatch(/^［错误］999\.mdx/);
    expect(lines[100]).toBe('……还有 51 条没有列出：运行 npm run content:check 可以看到全部。');
    expect(lines[101]).toMatch(/^内容检查未通过：1 个错误，150 个提醒/);
    expect(formatReport(problems).split('\n')).toHaveLength(152);
  });
});
