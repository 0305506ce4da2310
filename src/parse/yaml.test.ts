import { describe, expect, it } from 'vitest';
import { parseYamlData } from './yaml.ts';

const problems = (text: string, max?: number) => {
  const r = parseYamlData(text, max);
  return r.ok ? [] : r.problems.map((p) => `${p.line ?? '-'}: ${p.message}`);
};

describe('parseYamlData: YAML is data', () => {
  it('reads plain data, dates as written', () => {
    expect(parseYamlData('name: 张三\nbirth: 1962-05\ndate: 2026-03-15\nhonours:\n  - year: 2026\n')).toEqual({
      ok: true,
      value: { name: '张三', birth: '1962-05', date: '2026-03-15', honours: [{ year: 2026 }] },
    });
  });

  it('refuses anchors and aliases, and an alias bomb at once', () => {
    expect(problems('a: &x 张三\nb: *x\n')).toEqual([
      expect.stringMatching(/^1: 不允许使用 YAML 锚点/),
      expect.stringMatching(/^2: 不允许使用 YAML 别名/),
    ]);
    // 8 levels of 9 aliases: 9^8 nodes for any walk over the value, were it expanded.
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 8; i++)
      lines.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const started = Date.now();
    expect(problems(lines.join('\n')).length).toBeGreaterThan(8);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses explicit tags and duplicate keys', () => {
    expect(problems('a: !!js/function "x"\n')).toEqual([expect.stringMatching(/^1: 不允许使用 YAML 标记/)]);
    expect(problems('name: 张三\nname: 李四\n')).toEqual([expect.stringMatching(/^2: .*写了两次/)]);
  });

  it('names the line of a syntax error', () => {
    expect(problems('name: 张三\nkind: person: oops\n')).toEqual([expect.stringMatching(/^2: YAML 格式有误/)]);
  });

  it('refuses a text over its size bound before parsing', () => {
    expect(problems(`a: "${'x'.repeat(2000)}"`, 1024)).toEqual([expect.stringMatching(/太长/)]);
  });
});
