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

  it('names every mistake of a hand-copied text at once, each on its line, in Chinese', () => {
    const text = [
      'name：张三',
      'kind:person',
      'region: yaodu',
      'honours:',
      '\t- title: lf-hr',
      '    year: 2026',
      'summary: "多年义务修理农具',
      'birth: 1970',
    ].join('\n');
    const found = problems(text);
    expect(found).toEqual([
      expect.stringMatching(/^1: YAML 格式有误：“name：张三” 用了中文（全角）冒号.*请改成 “name: 张三”/),
      expect.stringMatching(/^2: YAML 格式有误：“kind:person” 的冒号后面少了一个空格：请改成 “kind: person”/),
      expect.stringMatching(/^5: YAML 格式有误：这一行开头用了 Tab 键缩进/),
      expect.stringMatching(/^7: YAML 格式有误：引号没有配对/),
    ]);
    expect(found.join('\n')).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
  });

  it('names a line indented out of step, not the parser English', () => {
    expect(problems('name: 张三\n region: yaodu\nkind: person\n')).toEqual([
      expect.stringMatching(/^2: YAML 格式有误：“region: yaodu” 的缩进（1 个空格）与上下文对不上/),
    ]);
    expect(problems('honours:\n  - title: x\n     year: 2026\n')).toEqual([
      expect.stringMatching(/^3: YAML 格式有误：“year: 2026” 的缩进（5 个空格）/),
    ]);
  });

  it('reads good text with colons in values, URLs, nested lists and block text without a word', () => {
    const text =
      'summary: 他说：好\nsources:\n  - title: 报道\n    url: https://a.cn/x\nstory: |\n  第一行\n    缩进的第二行\nname: 张三\n';
    expect(problems(text)).toEqual([]);
  });

  it('keeps what the parser made of a broken text, for checks that do not need the broken part', () => {
    const r = parseYamlData('name：张三\nphoto:\n  src: ./a.jpg\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.partial).toMatchObject({ photo: { src: './a.jpg' } });
  });
});

describe('parseYamlData on nested aliases', () => {
  it('names each alias once per line and counts what it does not list', () => {
    const lines = ['a0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++) lines.push(`a${i}: &l${i} [*l${i - 1}, *l${i - 1}, *l${i - 1}]`);
    const parsed = parseYamlData(lines.join('\n'));
    if (parsed.ok) throw new Error('aliases were accepted');
    expect(parsed.problems).toHaveLength(21);
    expect(parsed.problems[20]?.message).toMatch(/^后面还有 \d+ 处 YAML 问题/);
  });
});
