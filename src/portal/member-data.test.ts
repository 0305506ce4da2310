import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMembers, sha256 } from './member-data.ts';

const root = mkdtempSync(join(tmpdir(), 'portal-members-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const put = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

const active = (slug: string, name: string, base: string, over: Record<string, unknown> = {}) => ({
  id: slug,
  url: `${base}people/${slug}/`,
  status: 'active',
  name,
  kind: 'person',
  region: 'dongqu',
  regionName: '东区',
  category: 'zhuren',
  categoryName: '助人为乐',
  summary: '义务帮助邻居。',
  story: '故事。',
  honours: [{ title: 'shi', titleName: '测试好人', level: 'city', year: 2026 }],
  ...over,
});

const openData = (records: unknown[]) =>
  JSON.stringify({ licence: 'CC BY 4.0', publisher: '某市文明办', sample: false, records });

/** A release folder: data/entries.json and SHA256SUMS over it. */
function release(folder: string, json: string) {
  put(`${folder}/data/entries.json`, json);
  put(`${folder}/SHA256SUMS`, `${sha256(json)}  data/entries.json\n`);
}

describe('readMembers', () => {
  const a = 'https://a.example.cn/';
  const b = 'https://b.example.cn/';
  release(
    'members/a',
    openData([active('zhang-san', '张三', a), active('li-si', '李四', a, { story: '电话 138 0013 8000' })]),
  );
  put(
    'members/b.json',
    openData([
      active('sun-li', '孙丽', b),
      { id: 'wang-wu', url: `${b}people/wang-wu/`, status: 'withdrawn', withdrawnOn: '2026-02-01' },
    ]),
  );

  it('publishes the accepted records, leaves a refused one out and names it, and skips withdrawn ones', () => {
    const data = readMembers(root, [
      { id: 'a', name: '甲市', url: a, data: 'members/a' },
      { id: 'b', name: '乙市', url: b, data: 'members/b.json' },
    ]);
    expect(data.records.map((r) => r.id)).toEqual(['a/zhang-san', 'b/sun-li']);
    expect(data.members).toMatchObject([
      { id: 'a', published: 1, refused: 1, withdrawn: 0 },
      { id: 'b', published: 1, refused: 0, withdrawn: 1 },
    ]);
    expect(data.problems).toHaveLength(1);
    expect(data.problems[0]).toMatchObject({ code: 'portal.record-refused', field: 'records[1]', severity: 'warning' });
    expect(data.problems[0]?.message).toMatch(/记录 li-si（李四） 没有发布：字段 story 里有手机号码/);
  });

  it('leaves out a member whose data is missing, altered after its checksums, or not the one site.yaml expects', () => {
    put('members/c/data/entries.json', openData([active('x', '某人', 'https://c.example.cn/')]));
    put('members/c/SHA256SUMS', `${'0'.repeat(64)}  data/entries.json\n`);
    const data = readMembers(root, [
      { id: 'gone', name: '丙市', url: 'https://gone.example.cn/', data: 'members/gone.json' },
      { id: 'c', name: '丁市', url: 'https://c.example.cn/', data: 'members/c' },
      { id: 'b', name: '乙市', url: b, data: 'members/b.json', sha256: 'f'.repeat(64) },
      { id: 'a', name: '甲市', url: a, data: 'members/a' },
      { id: 'a', name: '己市', url: b, data: 'members/b.json' },
    ]);
    expect(data.members.map((m) => [m.id, Boolean(m.missing)])).toEqual([
      ['gone', true],
      ['c', true],
      ['b', true],
      ['a', false],
      ['a', true],
    ]);
    expect(data.members[4]?.missing).toMatch(/id a 与前面的成员重复/);
    const messages = data.problems.filter((p) => p.code === 'portal.member-left-out').map((p) => p.message);
    expect(messages[0]).toMatch(/成员“丙市”没有发布：数据 members\/gone.json 不存在：请运行 npm run portal:fetch/);
    expect(messages[1]).toMatch(/与 SHA256SUMS 不符/);
    expect(messages[2]).toMatch(/与 site.yaml 的 sha256 不符/);
    expect(data.records.map((r) => r.id)).toEqual(['a/zhang-san']);
  });

  it('reads no file through a symbolic link, nor outside the content root', () => {
    const outside = mkdtempSync(join(tmpdir(), 'portal-outside-'));
    writeFileSync(join(outside, 'x.json'), openData([active('zhang-san', '张三', a)]));
    symlinkSync(join(outside, 'x.json'), join(root, 'members/link.json'));
    const data = readMembers(root, [{ id: 'l', name: '戊市', url: a, data: 'members/link.json' }]);
    expect(data.members[0]?.missing).toMatch(/符号链接/);
    rmSync(outside, { recursive: true, force: true });
  });
});
