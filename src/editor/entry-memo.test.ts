import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from './check.ts';
import { codeDigest, entryMemo, type EntryMemo } from './entry-memo.ts';
import { photoMemo } from './photo-memo.ts';
import { formatProblem } from '../rules/problems.ts';
import { copyMini, editFile } from '../../tests/helpers/fixture.ts';

const ZHANG = 'entries/zhang-san-xixian.mdx';
const memoFile = () => join(mkdtempSync(join(tmpdir(), 'entry-memo-')), 'entry-checks.json');

/** A memo that tells which files it answered (not checked again) and which were checked and passed. */
function watched(memo: EntryMemo) {
  const kept: string[] = [];
  const passed: string[] = [];
  const name = (file: string) => file.split('\0')[1] ?? file;
  const spy: EntryMemo = {
    passed(file, source, allowed) {
      const pass = memo.passed(file, source, allowed);
      if (pass) kept.push(name(file));
      return pass;
    },
    pass(file, source, allowed, value) {
      passed.push(name(file));
      memo.pass(file, source, allowed, value);
    },
    save: () => memo.save(),
  };
  return { spy, kept, passed };
}

/** A check of `root` with the entry memo `file`, and what the memo answered. */
async function check(root: string, file: string | undefined, code?: string) {
  const memo = watched(entryMemo(file, root, code));
  const result = await checkContent(root, root, photoMemo(), memo.spy);
  return { result, kept: memo.kept.sort(), passed: memo.passed.sort() };
}

const ALL = [
  'chen-jia-dongqu.mdx',
  'li-xiaoming-xixian.mdx',
  'wang-wu-dongqu.mdx',
  'zeng-hong-dongqu.mdx',
  'zhang-san-xixian.mdx',
  'zhao-liu-dongqu.mdx',
];

describe('the content check’s memo of entry files that passed', () => {
  it('checks only the edited file again, reports its new problem, and says the same as a check without a memo', async () => {
    const root = copyMini();
    const file = memoFile();
    const first = await check(root, file);
    expect(first.kept).toEqual([]);
    expect(first.passed).toEqual(ALL);

    const again = await check(root, file);
    expect(again.kept).toEqual(ALL);
    expect(again.passed).toEqual([]);
    expect(JSON.stringify(again.result)).toBe(JSON.stringify(first.result));

    // A private phone number written into one story: that file alone is read and judged again.
    editFile(root, ZHANG, (s) => s.replace('张三的故事。', '张三的故事。联系电话 13912345678。'));
    const edited = await check(root, file);
    expect(edited.kept).toEqual(ALL.filter((f) => !ZHANG.endsWith(f)));
    const errors = edited.result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.file, p.code])).toEqual([[ZHANG, 'privacy.mobile']]);
    // A file with a problem is never kept as passed: its problem is said on every run.
    const still = await check(root, file);
    expect(still.kept).toEqual(edited.kept);
    expect(still.result.problems.map(formatProblem)).toEqual(edited.result.problems.map(formatProblem));

    // The same content, checked without any memo, gives the same answer to the byte.
    const bare = await check(root, undefined);
    expect(bare.kept).toEqual([]);
    expect(JSON.stringify(still.result)).toBe(JSON.stringify(bare.result));
  });

  it('checks every file again when the site’s own contacts change: a story quoting the old number is reported', async () => {
    const root = copyMini();
    const file = memoFile();
    // The office's published number is allowed in a story.
    editFile(root, ZHANG, (s) => s.replace('张三的故事。', '张三的故事。纠错电话 0357-7654321。'));
    const first = await check(root, file);
    expect(first.result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(first.passed).toEqual(ALL);
    editFile(root, 'site.yaml', (s) => s.replaceAll('0357-7654321', '0357-1111111'));
    const changed = await check(root, file);
    expect(changed.kept).toEqual([]);
    expect(changed.result.problems.filter((p) => p.file === ZHANG).map((p) => p.code)).toEqual(['privacy.landline']);
  });

  it('checks every file again after a change to the rules’ code', async () => {
    const root = copyMini();
    const file = memoFile();
    await check(root, file, 'rules-1');
    expect((await check(root, file, 'rules-1')).kept).toEqual(ALL);
    const other = await check(root, file, 'rules-2');
    expect(other.kept).toEqual([]);
    expect(other.passed).toEqual(ALL);

    // The digest follows every source file and the lock file.
    const src = mkdtempSync(join(tmpdir(), 'entry-memo-src-'));
    mkdirSync(join(src, 'rules'));
    writeFileSync(join(src, 'rules', 'privacy.ts'), 'export const a = 1;');
    const lock = join(src, 'lock.json');
    writeFileSync(lock, '{}');
    const before = codeDigest(src, lock);
    expect(codeDigest(src, lock)).toBe(before);
    writeFileSync(join(src, 'rules', 'privacy.ts'), 'export const a = 2;');
    const edited = codeDigest(src, lock);
    expect(edited).not.toBe(before);
    writeFileSync(lock, '{"a":1}');
    expect(codeDigest(src, lock)).not.toBe(edited);
  });

  it('ignores a damaged or foreign memo, and checks everything', async () => {
    const root = copyMini();
    const file = memoFile();
    const baseline = await check(root, undefined);
    await check(root, file);
    const good = readFileSync(file, 'utf8');
    const kept = JSON.parse(good) as { passes: Record<string, unknown> };
    const damaged = [
      good.slice(0, good.length / 2),
      'null',
      '[]',
      JSON.stringify({ ...kept, format: 'something-else' }),
      JSON.stringify({ ...kept, code: 'another build' }),
      // Every pass of the right key, but not of the shape this code writes.
      JSON.stringify({
        ...kept,
        passes: Object.fromEntries(Object.keys(kept.passes).map((k) => [k, { entry: 'x', story: { text: 1 } }])),
      }),
    ];
    for (const text of damaged) {
      writeFileSync(file, text);
      const run = await check(root, file);
      expect(run.kept).toEqual([]);
      expect(JSON.stringify(run.result)).toBe(JSON.stringify(baseline.result));
      // Written again whole, so the next run is quick again.
      expect((await check(root, file)).kept).toEqual(ALL);
    }
  });

  it('never reads or writes a memo inside the content root', async () => {
    const root = copyMini();
    const outside = memoFile();
    await check(root, outside);
    // A memo planted in the content root (here: a real one, which would answer for every file) is not read.
    const planted = join(root, 'entry-checks.json');
    writeFileSync(planted, readFileSync(outside));
    expect((await check(root, planted)).kept).toEqual([]);
    const fresh = join(root, 'cache', 'entry-checks.json');
    await check(root, fresh);
    expect(existsSync(fresh)).toBe(false);
  });
});
