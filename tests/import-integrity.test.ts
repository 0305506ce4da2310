/**
 * content:import --write as an unlucky editor meets it: two imports at
 * once, Ctrl-C in the middle of a large write, and a killed import. Each
 * ends with all rows or none, a summary that tells the truth, and nothing
 * half-done that content:check would accept. The writer's own all-or-none
 * is tested in-process (its interruption is injected); the command is run
 * once for each signal, on sheets of a few hundred to two thousand rows.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { copyMini } from './helpers/fixture.ts';
import {
  acquireImportLock,
  importLeftovers,
  journalText,
  JOURNAL,
  recoverImport,
  TEMP_SUFFIX,
  writeAll,
  type PlannedWrite,
} from '../src/editor/import-write.ts';

const HEADER =
  '序号,姓名,类型,性别,民族,出生年月,政治面貌,工作单位及职务,所在县（市、区）,类别,荣誉称号,年份,期次,事迹简介';
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶'.split('');
const GIVEN = '一二三四五六七八九十明华国建军平安春秋冬'.split('');

/** A sheet of `n` distinct people, written beside a fresh folder. */
function sheet(n: number, offset = 0): string {
  const rows = [HEADER];
  for (let i = offset; i < offset + n; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]}`;
    rows.push(
      `${i + 1},${name},个人,男,汉族,1970,群众,某厂,${i % 2 ? '东区' : '西县'},助人为乐,县级好人,2025,,坚持义务帮助邻居多年。`,
    );
  }
  const file = join(mkdtempSync(join(tmpdir(), 'honour-sheet-')), 'list.csv');
  writeFileSync(file, rows.join('\n'));
  return file;
}

const entryCount = (root: string) =>
  readdirSync(join(root, 'entries'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).length;
const temps = (root: string) =>
  readdirSync(join(root, 'entries'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.import-tmp'));

function run(root: string, args: string[]) {
  const r = spawnSync(process.execPath, [resolve('scripts/import.ts'), ...args], {
    env: { ...process.env, HONOUR_CONTENT_DIR: root },
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function start(root: string, args: string[]) {
  const child = spawn(process.execPath, [resolve('scripts/import.ts'), ...args], {
    env: { ...process.env, HONOUR_CONTENT_DIR: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const closed = new Promise<number | null>((done) => child.once('close', done));
  return { child, closed, out: () => out };
}

async function until(test: () => boolean, ms = 60_000) {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (test()) return true;
    await sleep(5);
  }
  return false;
}

const checkStatus = (root: string) =>
  spawnSync(process.execPath, ['scripts/check.ts'], { env: { ...process.env, HONOUR_CONTENT_DIR: root } }).status;

/** `n` planned entry files under a content root, as an import plans them. */
const planned = (root: string, n: number): PlannedWrite[] =>
  Array.from({ length: n }, (_, i) => ({ path: join(root, 'entries/plan', `p-${i}.mdx`), text: `第 ${i} 个` }));

describe('content:import --write, all or nothing', () => {
  it('lets one import write at a time; the second is told to wait and loses nothing when run again', () => {
    const root = copyMini();
    const before = entryCount(root);
    // Another import holds the lock while this one is asked to write.
    const held = acquireImportLock(root);
    if (!held.ok) throw new Error('the fresh root was locked');
    const second = run(root, [sheet(5, 2000), '--write']);
    expect(second.status).toBe(1);
    expect(second.out).toContain('另一个导入正在写入');
    expect(entryCount(root)).toBe(before);
    held.release();
    expect(run(root, [sheet(5, 2000), '--write']).status).toBe(0);
    expect(entryCount(root)).toBe(before + 5);
    expect(checkStatus(root)).toBe(0);
  });

  it('writes every planned file, or, interrupted while writing, none', async () => {
    const root = copyMini();
    const writes = planned(root, 100);
    // Interrupted on the third look (two temporaries written), as a Ctrl-C would be.
    let looks = 0;
    expect(await writeAll(root, writes, () => ++looks >= 3)).toBe('interrupted');
    expect(looks).toBe(3);
    expect(temps(root)).toEqual([]);
    expect(existsSync(join(root, 'entries/plan/p-0.mdx'))).toBe(false);
    expect(await writeAll(root, writes, () => false)).toBe('written');
    expect(readdirSync(join(root, 'entries/plan'))).toHaveLength(100);
    expect(temps(root)).toEqual([]);
  });

  it('tells the truth about Ctrl-C in the middle of a large write: no rows written', async () => {
    const root = copyMini();
    const before = entryCount(root);
    const job = start(root, [sheet(2000), '--write']);
    // Writing has begun (the first temporaries are there), under the import lock: Ctrl-C.
    expect(await until(() => temps(root).length > 0)).toBe(true);
    expect(acquireImportLock(root).ok).toBe(false);
    job.child.kill('SIGINT');
    expect(await job.closed).toBe(130);
    expect(job.out()).toContain('已中断：没有写入任何文件');
    expect(temps(root)).toEqual([]);
    expect(entryCount(root)).toBe(before);
  });

  it('after a kill, content:check reports the leftovers and the next import finishes the job', async () => {
    const root = copyMini();
    const before = entryCount(root);
    const list = sheet(600);
    const job = start(root, [list, '--write']);
    expect(await until(() => temps(root).length > 40)).toBe(true);
    job.child.kill('SIGKILL');
    await job.closed;
    const check = spawnSync(process.execPath, ['scripts/check.ts'], {
      env: { ...process.env, HONOUR_CONTENT_DIR: root },
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain('上次导入被强制结束，这是它留下的文件');
    const again = run(root, [list, '--write']);
    expect(again.out).toMatch(/上次导入在写入(前|途中)被强制结束/);
    expect(again.status).toBe(0);
    expect(temps(root)).toEqual([]);
    expect(entryCount(root)).toBe(before + 600);
  });

  it('finishes an import killed while committing, from its journal', () => {
    const root = copyMini();
    // What a kill between the journal and the last rename leaves: the journal and some temporaries.
    const pairs = planned(root, 3).map((w, i): [string, string] => {
      const tmp = join(dirname(w.path), `.${basename(w.path)}${TEMP_SUFFIX}`);
      mkdirSync(dirname(w.path), { recursive: true });
      writeFileSync(i === 0 ? w.path : tmp, w.text ?? '');
      return [tmp, w.path];
    });
    writeFileSync(join(root, JOURNAL), journalText(root, pairs));
    expect(importLeftovers(root, root)).toContain(JOURNAL);
    expect(recoverImport(root)).toEqual({
      ok: true,
      notes: ['上次导入在写入途中被强制结束：已补完剩下的 2 个文件（共 3 个）'],
    });
    expect(readdirSync(join(root, 'entries/plan')).sort()).toEqual(['p-0.mdx', 'p-1.mdx', 'p-2.mdx']);
    expect(importLeftovers(root)).toEqual([]);
  });

  it('refuses a forged journal aimed outside the root, in Chinese, and renames nothing', () => {
    const root = copyMini();
    // A stand-in for the project folder beside the content root: a regression must not plant code in the repository.
    const pages = join(dirname(root), `${basename(root)}-project/src/pages`);
    mkdirSync(pages, { recursive: true });
    writeFileSync(join(root, 'entries/notes.txt'), '---\nx: 1\n---\n');
    for (const journal of [
      [[join(root, 'entries/notes.txt'), join(pages, 'pwned.astro')]],
      {
        format: 'honour-import-journal/2',
        files: [['entries/notes.txt', `../${basename(root)}-project/src/pages/pwned.astro`]],
      },
    ]) {
      writeFileSync(join(root, JOURNAL), JSON.stringify(journal));
      const r = run(root, [sheet(1, 3000), '--write']);
      expect(r.status).toBe(1);
      expect(r.out).toMatch(/导入日志 .*\.import-journal\.json .*删除/);
      expect(r.out).not.toMatch(/Error|\n\s+at /);
      expect(readdirSync(pages)).toEqual([]);
      expect(existsSync(join(root, 'entries/notes.txt'))).toBe(true);
    }
  });
});
