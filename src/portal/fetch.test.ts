import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchMembers } from './fetch.ts';
import { sha256 } from './member-data.ts';

const root = mkdtempSync(join(tmpdir(), 'portal-fetch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const good = JSON.stringify({ records: [{ id: 'x', status: 'withdrawn' }] });
/** A fetch that answers each URL from a table. */
const server =
  (pages: Record<string, string | number>): typeof fetch =>
  (input) => {
    const body = pages[input as string];
    return Promise.resolve(
      typeof body === 'number'
        ? new Response('no', { status: body })
        : new Response(body ?? 'not found', { status: body ? 200 : 404 }),
    );
  };

describe('fetchMembers', () => {
  const member = { id: 'a', name: '甲市', url: 'https://a.example.cn', data: 'members/a.json' };

  it("stores a member's open data at its data path, and nothing else", async () => {
    const r = await fetchMembers(root, [member], { get: server({ 'https://a.example.cn/data/entries.json': good }) });
    expect(r.problems).toEqual([]);
    expect(readFileSync(join(root, 'members/a.json'), 'utf8')).toBe(good);
    expect(readdirSync(join(root, 'members'))).toEqual(['a.json']);
    expect(r.stored[0]).toContain(sha256(good));
  });

  it('leaves the stored data as it was when the download fails, is not open data or is not the expected one', async () => {
    mkdirSync(join(root, 'members'), { recursive: true });
    writeFileSync(join(root, 'members/a.json'), good);
    writeFileSync(join(root, 'members/a.json.part-99999'), 'left by a killed run');
    const bad = await fetchMembers(root, [member, { ...member, sha256: 'e'.repeat(64) }], {
      get: server({ 'https://a.example.cn/data/entries.json': '<html>维护中</html>' }),
    });
    expect(bad.problems.map((p) => [p.code, p.message])).toEqual([
      ['portal.fetch', expect.stringMatching(/成员“甲市”的数据没有下载：.*不是有效的 JSON 文件。已存的数据没有改动/)],
      ['portal.fetch', expect.stringMatching(/不是有效的 JSON/)],
    ]);
    const down = await fetchMembers(root, [member], { get: server({ 'https://a.example.cn/data/entries.json': 503 }) });
    expect(down.problems[0]?.message).toMatch(/HTTP 503/);
    const other = JSON.stringify({ records: [] });
    const wrong = await fetchMembers(root, [{ ...member, sha256: 'e'.repeat(64) }], {
      get: server({ 'https://a.example.cn/data/entries.json': other }),
    });
    expect(wrong.problems[0]?.message).toMatch(/sha256 不符/);
    expect(readFileSync(join(root, 'members/a.json'), 'utf8')).toBe(good);
  });

  it('removes what an earlier killed run left once it stores again', async () => {
    writeFileSync(join(root, 'members/a.json.part-99999'), 'left by a killed run');
    await fetchMembers(root, [member], { get: server({ 'https://a.example.cn/data/entries.json': good }) });
    expect(readdirSync(join(root, 'members'))).toEqual(['a.json']);
  });

  it('does not write outside the content root', async () => {
    const r = await fetchMembers(root, [{ ...member, data: '../escape.json' }], { get: server({}) });
    expect(r.problems[0]?.message).toMatch(/不在内容目录里/);
  });
});
