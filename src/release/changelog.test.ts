import { describe, expect, it } from 'vitest';
import { changedFields } from './changelog.ts';

const entry = { name: '张三', kind: 'person', region: 'yaodu', category: 'zhuren', summary: '三十年照顾孤寡老人。' };

describe('changedFields', () => {
  it('names the changed fields in file order by their Chinese labels, the story last', () => {
    const before = { data: { ...entry, honours: [{ title: 'linfen', year: 2025 }], draft: false }, body: '事迹。' };
    const after = {
      data: {
        ...entry,
        honours: [{ title: 'linfen', year: 2026 }],
        unit: '某村',
        gender: '男',
        summary: '新的一句话事迹。',
      },
      body: '新的事迹。',
    };
    expect(changedFields(before, after)).toEqual(['荣誉', '一句话事迹', '性别', '工作单位', '事迹正文']);
  });

  it('leaves out the draft switch and the withdrawal, which have lines of their own, and names unknown keys as written', () => {
    const before = { data: { ...entry, draft: true }, body: '' };
    const after = {
      data: { ...entry, status: 'withdrawn', withdrawal: { reason: '核实有误', date: '2026-05-01' }, extra: 1 },
      body: '',
    };
    expect(changedFields(before, after)).toEqual(['extra']);
  });
});
