/**
 * content:import --write as an unlucky editor meets it: two imports at
 * once, Ctrl-C in the middle of a large write, and a killed import. Each
 * ends with all rows or none, a summary that tells the truth, and nothing
 * half-done that content:check would accept.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { copyMini } from './helpers/fixture.ts';

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
    await sleep(10);
  }
  return false;
}

describe('content:import --write, all or nothing', () => {
  it('lets one import write at a time; the second is told to wait and loses nothing when run again', async () => {
    const root = copyMini();
    const before = entryCount(root);
    const first = start(root, [sheet(1500), '--write']);
    expect(await until(() => existsSync(join(root, '.import.lock')))).toBe(true);
    const second = run(root, [sheet(5, 2000), '--write']);
    expect(second.status).toBe(1);
    expect(second.out).toContain('另一个导入正在写入');
    expect(await first.closed).toBe(0);
    expect(run(root, [sheet(5, 2000), '--write']).status).toBe(0);
    expect(entryCount(root)).toBe(before + 1505);
    expect(
      spawnSync(process.execPath, ['scripts/check.ts'], { env: { ...process.env, HONOUR_CONTENT_DIR: root } }).status,
    ).toBe(0);
  });

  it('tells the truth about Ctrl-C in the middle of a large write: all rows or none', async () => {
    const root = copyMini();
    const before = entryCount(root);
    const job = start(root, [sheet(4000), '--write']);
    expect(await until(() => temps(root).length > 0)).toBe(true);
    job.child.kill('SIGINT');
    const status = await job.closed;
    expect(temps(root)).toEqual([]);
    if (status === 130) {
      expect(job.out()).toContain('已中断：没有写入任何文件');
      expect(entryCount(root)).toBe(before);
    } else {
      expect(job.out()).toContain('已全部写入');
      expect(entryCount(root)).toBe(before + 4000);
    }
  });

  it('after a kill, content:check reports the leftovers and the next import finishes the job', async () => {
    const root = copyMini();
    const before = entryCount(root);
    const list = sheet(3000);
    const job = start(root, [list, '--write']);
    expect(await until(() => temps(root).length > 100)).toBe(true);
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
    expect(entryCount(root)).toBe(before + 3000);
  });
});
