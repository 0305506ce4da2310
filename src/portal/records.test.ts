import { describe, expect, it } from 'vitest';
import { judgeRecord, underBase } from './records.ts';

const member = { id: 'linfen', name: '临汾市', url: 'https://hrb.linfen.example.cn/' };

/** An active open-data record as a city publishes it (docs/open-data.md). */
const record = (over: Record<string, unknown> = {}) => ({
  id: 'zhang-san-yaodu',
  url: 'https://hrb.linfen.example.cn/people/zhang-san-yaodu/',
  status: 'active',
  name: '张三',
  kind: 'person',
  region: 'yaodu',
  regionName: '尧都区',
  category: 'zhuren',
  categoryName: '助人为乐',
  summary: '义务为乡亲修理农具十多年。',
  story: '张三的故事。\n第二段。',
  deceased: false,
  honours: [{ title: 'shi', titleName: '临汾好人', level: 'city', year: 2026, release: '2026-q1' }],
  gender: '男',
  birth: '1980',
  ...over,
});

const reason = (raw: unknown) => {
  const j = judgeRecord(raw, 3, member);
  return j.kind === 'refused' ? j.refusal.reason : j.kind;
};

describe('judgeRecord', () => {
  it('accepts an open-data record, namespaced by its member', () => {
    const j = judgeRecord(record(), 0, member);
    expect(j).toMatchObject({
      kind: 'accepted',
      record: { id: 'linfen/zhang-san-yaodu', member: 'linfen', memberName: '临汾市', name: '张三' },
    });
  });

  it('leaves a withdrawn record out', () => {
    expect(
      judgeRecord({ id: 'wang-wu', url: member.url, status: 'withdrawn', withdrawnOn: '2026-02-01' }, 0, member).kind,
    ).toBe('withdrawn');
  });

  it('refuses private data in any disguise, in any field, naming the field and masking the number', () => {
    expect(reason(record({ story: '联系他：１３８ ０１３８ ０６６６，随时可以。' }))).toMatch(
      /字段 story 里有手机号码（138\*+666）/,
    );
    expect(reason(record({ summary: '家住尧都区解放路12号3单元501室。' }))).toMatch(/summary 里有详细家庭住址/);
    expect(
      reason(record({ honours: [{ title: 'shi', titleName: '身份证140102196805171234', level: 'city', year: 2026 }] })),
    ).toMatch(/honours\[0\]\.titleName 里有身份证号码/);
  });

  it('refuses a field open data does not have', () => {
    expect(reason(record({ address: '某村' }))).toMatch(/有开放数据没有的字段 address/);
  });

  it("refuses a minor's forbidden fields, flagged or shown by the birth date", () => {
    expect(reason(record({ minor: true, school: '某小学', birth: undefined }))).toMatch(/未成年人.*gender/);
    expect(reason(record({ birth: '2015-03', gender: undefined, unit: '某小学' }))).toMatch(/未成年人.*unit/);
    expect(
      judgeRecord(record({ minor: true, school: '某小学', gender: undefined, birth: '2015' }), 0, member).kind,
    ).toBe('accepted');
  });

  it("refuses a page outside the member's base URL, and an over-long field", () => {
    expect(reason(record({ url: 'https://evil.example.com/people/zhang-san-yaodu/' }))).toMatch(/不在成员网站/);
    expect(reason(record({ summary: '好'.repeat(301) }))).toMatch(/summary 太长/);
    expect(reason(record({ story: '好'.repeat(20_001) }))).toMatch(/story 太长/);
  });
});

describe('underBase', () => {
  it('takes pages under the base path of the same origin only', () => {
    expect(underBase('https://a.cn/hrb/people/x/', 'https://a.cn/hrb/')).toBe(true);
    expect(underBase('https://a.cn/hrb/people/x/', 'https://a.cn/hrb')).toBe(true);
    expect(underBase('https://a.cn/hrbx/people/x/', 'https://a.cn/hrb')).toBe(false);
    expect(underBase('http://a.cn/hrb/people/x/', 'https://a.cn/hrb/')).toBe(false);
    expect(underBase('https://u:p@a.cn/hrb/x/', 'https://a.cn/hrb/')).toBe(false);
  });
});
