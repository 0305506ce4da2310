/**
 * Publishing integrity of `npm run build` (scripts/build.ts): the output
 * changes only when everything succeeded; a failed, interrupted or killed
 * build leaves the previous output byte-identical; no build internals ship.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from './helpers/build.ts';
import { copyMini, editFile } from './helpers/fixture.ts';
import { projectTmp } from './helpers/tmp.ts';
import { filesIn, treeDigest } from './hostile/helpers.ts';

/** Build folders of `outDir`'s parent other than the output itself: staging or previous copies left behind. */
const leftovers = (outDir: string) =>
  readdirSync(dirname(outDir)).filter((n) => n !== basename(outDir) && n.startsWith(`.${basename(outDir)}.`));

describe('atomic builds', () => {
  let outDir: string;
  let good: string;
  let digest: string;

  beforeAll(() => {
    outDir = join(projectTmp('atomic-'), 'dist');
    const first = astroBuild(copyMini(), outDir);
    if (first.status !== 0) throw new Error(first.output.slice(-3000));
    good = outDir;
    digest = treeDigest(outDir);
  });

  it('publishes no build internals and leaves nothing beside the output', () => {
    expect(filesIn(good).filter((f) => f.startsWith('.prerender') || f.includes('data-layer-content'))).toEqual([]);
    expect(leftovers(good)).toEqual([]);
  });

  it('keeps the previous output byte-identical when a build fails after writing its pages, and says so last', () => {
    const root = copyMini();
    // The output gate fails after every page is written (the input check is told to look away).
    editFile(root, 'entries/zhang-san-xixian.mdx', (s) => s.replace('张三的故事。', '电话 13812345678'));
    const r = astroBuild(root, outDir, { HONOUR_TEST_ONLY_SKIP_INPUT_PRIVACY: '1' });
    expect(r.status).toBe(1);
    expect(r.output.trim().split('\n').at(-1)).toMatch(/^构建失败：.*没有改动，仍是上一次成功的构建/);
    expect(treeDigest(outDir)).toBe(digest);
    expect(leftovers(outDir)).toEqual([]);
  });

  /** Starts a build of the mini fixture into outDir and waits until it is writing pages into its staging folder. */
  async function startAndWaitForPages() {
    const root = copyMini();
    const child = spawn(process.execPath, [resolve('scripts/build.ts'), '--outDir', outDir], {
      env: { ...process.env, HONOUR_CONTENT_DIR: root, NO_COLOR: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const closed = new Promise<number | null>((done) => child.once('close', done));
    for (let i = 0; i < 600; i++) {
      const staging = leftovers(outDir).find((n) => n.includes('staging'));
      if (staging && existsSync(join(dirname(outDir), staging, 'people'))) break;
      await sleep(50);
    }
    return { child, closed, log: () => log };
  }

  it('keeps the previous output when a build is killed, and the next build cleans up', async () => {
    const { child, closed } = await startAndWaitForPages();
    expect(leftovers(outDir).some((n) => n.includes('staging'))).toBe(true);
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await closed;
    expect(treeDigest(outDir)).toBe(digest);
    const next = astroBuild(copyMini(), outDir);
    expect(next.status).toBe(0);
    expect(next.output).toContain('已删除被中断的构建留下的临时文件夹');
    expect(leftovers(outDir)).toEqual([]);
    digest = treeDigest(outDir);
  });

  it('keeps the previous output when a build is interrupted with Ctrl-C, and says so', async () => {
    const { child, closed, log } = await startAndWaitForPages();
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(log()).toContain('构建已中断');
    expect(treeDigest(outDir)).toBe(digest);
    expect(leftovers(outDir)).toEqual([]);
  });

  it('refuses a bare astro build, which would skip the output gate and the search index', () => {
    const out = join(projectTmp('bare-'), 'dist');
    const r = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
      env: { ...process.env, HONOUR_CONTENT_DIR: copyMini(), NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain('请用 npm run build 构建');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
