import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passMemo } from '../build/pass-memo.ts';
import { gateOutput } from './output-gate.ts';
import { SEARCH_TERMS_ATTR } from '../search/search-index.ts';
import { nameSearchTerms } from '../search/search-terms.ts';

const page = (text: string) => `<!doctype html><html lang="zh-CN"><body><p>${text}</p></body></html>`;

/** A one-page site, gated with the memo kept in `memoFile`; the messages found. */
async function gate(dir: string, memoFile: string, phones: string[] = []) {
  const problems = await gateOutput(dir, { allowed: { phones }, sources: () => [], memo: passMemo(memoFile) });
  return problems.map((p) => `${p.file}: ${p.message}`);
}

describe('the output gate remembers passed pages only while they are unchanged', () => {
  it('scans a page again once its bytes change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const memo = join(mkdtempSync(join(tmpdir(), 'gate-memo-')), 'memo.json');
    writeFileSync(join(dir, 'index.html'), page('义务为乡亲修理农具。'));
    expect(await gate(dir, memo)).toEqual([]);
    writeFileSync(join(dir, 'index.html'), page('他的电话是 138 1234 5678。'));
    expect(await gate(dir, memo)).toEqual([expect.stringMatching(/^index\.html: 即将发布的内容含有手机号码/)]);
  });

  it('scans a page again when the allowed contacts change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const memo = join(mkdtempSync(join(tmpdir(), 'gate-memo-')), 'memo.json');
    writeFileSync(join(dir, 'index.html'), page('监督电话 0357-7654321'));
    expect(await gate(dir, memo, ['0357-7654321'])).toEqual([]);
    expect(await gate(dir, memo)).toEqual([expect.stringMatching(/含有固定电话号码/)]);
  });

  it('reports a page with a hit on every build, never remembering it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const memo = join(mkdtempSync(join(tmpdir(), 'gate-memo-')), 'memo.json');
    writeFileSync(join(dir, 'index.html'), page('他的电话是 138 1234 5678。'));
    expect(await gate(dir, memo)).toHaveLength(1);
    expect(await gate(dir, memo)).toHaveLength(1);
  });

  it('finds the same hits when the pages are scanned in worker threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    for (const n of [1, 2, 3, 4, 5])
      writeFileSync(join(dir, `${n}.html`), page(n === 4 ? '电话 13812345678' : '修理农具'));
    const problems = await gateOutput(dir, { allowed: {}, sources: () => [], parallelFrom: 1 });
    expect(problems.map((p) => p.file)).toEqual(['4.html']);
  });
});

describe('the output gate reads the search words of a name one by one', () => {
  const entry = (name: string, terms: string) =>
    `<!doctype html><html lang="zh-CN"><body><h1 ${SEARCH_TERMS_ATTR}="${terms}">${name}</h1></body></html>`;

  it('passes a group whose name has a number, though its words side by side would spell a phone number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const name = '安泽县第13438志愿服务队';
    writeFileSync(join(dir, 'index.html'), entry(name, nameSearchTerms(name, 'group').join(' ')));
    expect(await gate(dir, join(dir, 'memo.json'))).toEqual([]);
  });

  it('still stops a phone number inside one word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    writeFileSync(join(dir, 'index.html'), entry('张三', 'zhangsan 13812345678 zs'));
    expect(await gate(dir, join(dir, 'memo.json'))).toEqual([expect.stringMatching(/含有手机号码/)]);
  });
});
