import { describe, expect, it } from 'vitest';
import { brokenUrls, changedFields } from './changelog.ts';

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

describe('brokenUrls', () => {
  const snap = (data: Record<string, unknown> = {}) => ({ data: { ...entry, ...data }, body: '事迹。' });

  it('names each published page the new release no longer has: deleted, or turned into a draft', () => {
    const before = new Map([
      ['zhang-san-yaodu', snap()],
      ['li-si-yaodu', snap({ name: '李四' })],
      ['wang-wu-yaodu', snap({ name: '王五' })],
      ['zhao-liu-yaodu', snap({ name: '赵六', draft: true })],
    ]);
    const after = new Map([
      ['zhang-san-yaodu', snap()],
      ['wang-wu-yaodu', snap({ name: '王五', draft: true })],
    ]);
    expect(brokenUrls(before, after)).toEqual([
      { id: 'li-si-yaodu', name: '李四', url: '/people/li-si-yaodu/', now: 'deleted' },
      { id: 'wang-wu-yaodu', name: '王五', url: '/people/wang-wu-yaodu/', now: 'draft' },
    ]);
  });

  it('leaves a page that is withdrawn (it says so) or renamed with formerSlugs (it redirects)', () => {
    const before = new Map([
      ['li-si-yaodu', snap({ name: '李四' })],
      ['wang-wu-yaodu', snap({ name: '王五' })],
      ['zhao-liu-yaodu', snap({ name: '赵六' })],
    ]);
    const after = new Map([
      ['li-si-yaodu', snap({ name: '李四', status: 'withdrawn', withdrawal: { reason: '有误', date: '2026-05-01' } })],
      ['wang-wu-yaodu-2', snap({ name: '王五', formerSlugs: ['wang-wu-yaodu'] })],
      // A draft redirects nothing: it has no page.
      ['zhao-liu-yaodu-2', snap({ name: '赵六', formerSlugs: ['zhao-liu-yaodu'], draft: true })],
    ]);
    expect(brokenUrls(before, after).map((b) => b.id)).toEqual(['zhao-liu-yaodu']);
  });
});
