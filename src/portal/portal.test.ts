import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gateOutput } from '../publish/output-gate.ts';
import { PORTAL_SHARD_RECORDS, portalHall, portalRow, portalShards, recordPage, writePortalPages } from './portal.ts';
import type { PortalRecord } from './records.ts';

const record = (id: string, over: Partial<PortalRecord> = {}): PortalRecord => ({
  id: `jia/${id}`,
  member: 'jia',
  memberName: '甲市',
  url: `https://jia.example.cn/people/${id}/`,
  name: '张三',
  kind: 'person',
  region: 'xixian',
  regionName: '西县',
  category: 'zhuren',
  categoryName: '助人为乐',
  summary: '义务修理农具。',
  story: '第一段。\n第二段。',
  honours: [{ title: 'shi', titleName: '甲市好人', level: 'city', year: 2026 }],
  ...over,
});

const dir = mkdtempSync(join(tmpdir(), 'portal-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a record on the portal', () => {
  it("is a names-table row linking to the member's page, its city beside its county, its highest honour first", () => {
    const row = portalRow(
      record('zhang-san', {
        honours: [
          { title: 'shi', titleName: '甲市好人', level: 'city', year: 2026 },
          { title: 'sx', titleName: '山西好人', level: 'provincial', year: 2024 },
        ],
      }),
    );
    expect(row).toMatchObject({
      url: 'https://jia.example.cn/people/zhang-san/',
      level: 'provincial',
      honour: '山西好人',
    });
    expect(row.filters.region).toEqual(['甲市 西县']);
  });

  it('is a story page whose every text is escaped: a record cannot add markup or script to it', () => {
    const page = recordPage(
      record('x', { story: '<script>alert(1)</script>\n<img src=x onerror=alert(1)>', name: '"张三"' }),
      'jia-1',
    );
    expect(page).not.toMatch(/<script|<img/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('data-pagefind-meta="link:https://jia.example.cn/people/x/"');
  });

  it('is indexed in a shard of its member, of at most PORTAL_SHARD_RECORDS records', () => {
    const records = [
      ...Array.from({ length: PORTAL_SHARD_RECORDS + 1 }, () => ({ member: 'jia' })),
      { member: 'yi' },
      { member: 'jia' },
    ];
    const shards = portalShards(records);
    expect(shards.slice(PORTAL_SHARD_RECORDS - 1)).toEqual(['jia-1', 'jia-2', 'yi-1', 'jia-2']);
    expect(shards.filter((s) => s === 'jia-1')).toHaveLength(PORTAL_SHARD_RECORDS);
  });

  it('puts the national and provincial models first in the hall', () => {
    const hall = portalHall(
      [
        record('a'),
        record('b', { honours: [{ title: 'q', titleName: '全国道德模范', level: 'national', year: 2019 }] }),
      ],
      2,
    );
    expect(hall.map((r) => r.id)).toEqual(['jia/b', 'jia/a']);
  });

  it('is read by the output gate: a record that slipped past the member check stops the build', async () => {
    writePortalPages(dir, { members: [], records: [record('ok'), record('leak', { story: '电话 139 0139 0666' })] });
    const problems = await gateOutput(dir, { allowed: {}, sources: () => [] });
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      ['_portal-stories/jia/leak/index.html', 'gate.personal-data'],
    ]);
  });
});
