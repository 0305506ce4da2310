import { describe, expect, it } from 'vitest';
import { editEntryFile, readEntryFile, renderEntryFile, renderFrontmatter } from './entry-file.ts';

/** An entry as an editor wrote it: comments, odd spacing, quotes, a flow list, a story with its own blank lines. */
const handWritten = `---
# 资料由尧都区文明办核实（2025-03）
name:   张建国    # 身份证上的写法
kind: person
region: yaodu
category: "jingye"
honours:
  # 最早的荣誉
  - { title: lf-hr, year: 2024 }
  - title: sx-hr
    year: 2025   # 第二季度
summary: 三十年坚守山村卫生室，为村民看病。
unit: 某村卫生室
formerSlugs: [zhang-jian-guo]
# 以下为来源
sources:
  - title: 临汾日报报道
    url: https://example.cn/a
    date: 2025-04-01
---


他每天**早上六点**出诊。

<Quote by="村民">他是我们的好医生。</Quote>
`;

const edit = (source: string, change: (data: Record<string, unknown>) => Record<string, unknown>) =>
  editEntryFile(source, change(readEntryFile(source).data));

describe('entry files: new files', () => {
  it('writes a new file’s fields in catalogue order, parts of records too, leaving empty and false values out', () => {
    const text = renderEntryFile(
      {
        draft: true,
        summary: '三十年坚守山村卫生室，为村民看病。',
        honours: [{ release: '2026-q1', year: 2026, title: 'lf-hr' }],
        deceased: false,
        formerSlugs: [],
        gender: '男',
        birth: '1962',
        category: 'jingye',
        region: 'yaodu',
        kind: 'person',
        name: '张建国',
        unit: '',
      },
      '\n故事。\n\n',
    );
    expect(text).toBe(`---
name: 张建国
kind: person
region: yaodu
category: jingye
honours:
  - title: lf-hr
    year: 2026
    release: 2026-q1
summary: 三十年坚守山村卫生室，为村民看病。
gender: 男
birth: '1962'
draft: true
---

故事。
`);
    expect(readEntryFile(text).data.birth).toBe('1962');
  });

  it('quotes text a YAML 1.1 reader would take for a date, a yes/no or a number, as files were written before', () => {
    const data = { name: '周七', birth: '1975-06-01', ethnicity: 'yes', unit: '1_000', role: '12:30' };
    expect(renderFrontmatter(data)).toBe(
      "name: 周七\nbirth: '1975-06-01'\nethnicity: 'yes'\nunit: '1_000'\nrole: '12:30'",
    );
    expect(readEntryFile(`---\n${renderFrontmatter(data)}\n---\n`).data).toEqual(data);
  });
});

describe('entry files: edits keep what they do not change', () => {
  it('changes one field and keeps comments, odd formatting and the story byte for byte', () => {
    const edited = edit(handWritten, (d) => ({ ...d, summary: '三十五年坚守山村卫生室。', unit: '某村卫生所' }));
    expect(edited).toBe(
      handWritten
        .replace('summary: 三十年坚守山村卫生室，为村民看病。', 'summary: 三十五年坚守山村卫生室。')
        .replace('unit: 某村卫生室', 'unit: 某村卫生所'),
    );
  });

  it('adds an honour after the last one, touching nothing else', () => {
    const edited = edit(handWritten, (d) => ({
      ...d,
      honours: [...(d.honours as object[]), { year: 2026, title: 'qg-hr', note: '提名奖' }],
    }));
    expect(edited).toBe(
      handWritten.replace(
        '    year: 2025   # 第二季度\n',
        '    year: 2025   # 第二季度\n  - title: qg-hr\n    year: 2026\n    note: 提名奖\n',
      ),
    );
  });

  it('changes a value inside an honour and keeps the comment on its line', () => {
    const edited = edit(handWritten, (d) => ({
      ...d,
      honours: [(d.honours as object[])[0], { title: 'sx-hr', year: 2023 }],
    }));
    expect(edited).toBe(handWritten.replace('    year: 2025   # 第二季度', '    year: 2023   # 第二季度'));
  });

  it('puts a new field where the catalogue puts it and drops a field emptied', () => {
    const edited = edit(handWritten, (d) => ({ ...d, gender: '男', birth: '1962-05', formerSlugs: [] }));
    expect(edited).toBe(
      handWritten
        .replace('unit: 某村卫生室\n', 'gender: 男\nbirth: 1962-05\nunit: 某村卫生室\n')
        .replace('formerSlugs: [zhang-jian-guo]\n', ''),
    );
  });

  it('leaves a file whose data did not change exactly as it was, false and empty values included', () => {
    const withFalse = handWritten.replace('unit: 某村卫生室\n', 'unit: 某村卫生室\ndeceased: false\n');
    expect(edit(withFalse, (d) => ({ ...d, deceased: undefined }))).toBe(withFalse);
    expect(edit(handWritten, (d) => d)).toBe(handWritten);
  });

  it('edits the last field, which has no newline of its own, and adds one after it', () => {
    const last = '    date: 2025-04-01\n---';
    expect(edit(handWritten, (d) => ({ ...d, draft: true }))).toBe(
      handWritten.replace(last, '    date: 2025-04-01\ndraft: true\n---'),
    );
    expect(edit(handWritten, (d) => ({ ...d, sources: [] }))).toBe(
      handWritten.replace(/\nsources:[\s\S]*?\n---/, '\n---'),
    );
    expect(edit(handWritten, (d) => ({ ...d, sources: [{ title: '山西日报报道' }] }))).toBe(
      handWritten.replace(/\nsources:[\s\S]*?\n---/, '\nsources:\n  - title: 山西日报报道\n---'),
    );
  });

  it('edits a front matter it cannot edit line by line through the document, keeping its comments', () => {
    const flow = '---\n# 注释\n{ name: 张三, kind: person }\n---\n故事。\n';
    const edited = edit(flow, (d) => ({ ...d, name: '张三丰' }));
    expect(edited).toMatch(/^---\n# 注释\n/);
    expect(edited).toMatch(/\n---\n故事。\n$/);
    expect(readEntryFile(edited).data).toEqual({ name: '张三丰', kind: 'person' });
  });

  it('keeps Windows line endings', () => {
    const crlf = handWritten.replace(/\n/g, '\r\n');
    const edited = edit(crlf, (d) => ({ ...d, ethnicity: '汉族' }));
    expect(edited).toBe(crlf.replace('unit: 某村卫生室\r\n', 'ethnicity: 汉族\r\nunit: 某村卫生室\r\n'));
    const mixed = handWritten.replace('kind: person\n', 'kind: person\r\n');
    expect(edit(mixed, (d) => ({ ...d, role: '村医' }))).toBe(
      mixed.replace('unit: 某村卫生室\n', 'unit: 某村卫生室\nrole: 村医\n'),
    );
  });

  it('rewrites a changed record in block form when it was written as a flow', () => {
    const edited = edit(handWritten, (d) => ({ ...d, formerSlugs: ['zhang-jian-guo', 'zhang-jianguo'] }));
    expect(edited).toBe(
      handWritten.replace('formerSlugs: [zhang-jian-guo]\n', 'formerSlugs:\n  - zhang-jian-guo\n  - zhang-jianguo\n'),
    );
  });
});

describe('entry files: read as content is read', () => {
  it('reads dates as written', () => {
    expect(readEntryFile(handWritten).data.sources).toEqual([
      { title: '临汾日报报道', url: 'https://example.cn/a', date: '2025-04-01' },
    ]);
  });

  it('refuses anchors, aliases and tags, and a front matter over its size bound', () => {
    expect(() => readEntryFile('---\nname: &a 张三\nsummary: *a\n---\n')).toThrow(/别名/);
    expect(() => readEntryFile('---\nname: !!str 张三\n---\n')).toThrow(/标记/);
    expect(() => readEntryFile(`---\nname: "${'张'.repeat(30_000)}"\n---\n`)).toThrow(/太长/);
  });
});
