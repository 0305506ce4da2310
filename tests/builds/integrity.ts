/**
 * Publishing integrity of `npm run build` (scripts/build.ts): the output
 * changes only when everything succeeded; a failed, interrupted or killed
 * build leaves the previous output byte-identical; no build internals ship.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, runNode } from '../helpers/build.ts';
import { copyMini } from '../helpers/fixture.ts';
import { projectTmp } from '../helpers/tmp.ts';
import { filesIn, treeDigest } from '../hostile/helpers.ts';

/** Build folders of `outDir`'s parent other than the output itself: staging or previous copies left behind. */
const leftovers = (outDir: string) =>
  readdirSync(dirname(outDir)).filter((n) => n !== basename(outDir) && n.startsWith(`.${basename(outDir)}.`));

describe('atomic builds', () => {
  let outDir: string;
  let digest: string;

  beforeAll(() => {
    // The previous output: a copy of the mini site the global setup built.
    outDir = join(projectTmp('atomic-'), 'dist');
    cpSync(inject('miniDist'), outDir, { recursive: true });
    digest = treeDigest(outDir);
  });

  it('publishes no build internals and leaves nothing beside the output', () => {
    const good = inject('miniDist');
    expect(filesIn(good).filter((f) => f.startsWith('.prerender') || f.includes('data-layer-content'))).toEqual([]);
    expect(leftovers(good)).toEqual([]);
  });

  it('keeps the previous output byte-identical when the output gate stops a build, publishes nothing, and says so last', async () => {
    // A page shows a phone number the input check never saw (planted in the gate step's process only).
    const plant = pathToFileURL(resolve('tests/helpers/plant-leak.mjs')).href;
    const r = await buildSite(copyMini(), outDir, { NODE_OPTIONS: `--import=${plant}` });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/people\/zhang-san-xixian\/index\.html — .*即将发布的内容含有手机号码（138\*+678）/);
    expect(r.output).toContain('发布检查未通过');
    expect(r.output.trim().split('\n').at(-1)).toMatch(
      /^构建失败：.*没有改动，仍是上一次成功的构建。请按上面的提示修改后再试。$/,
    );
    expect(treeDigest(outDir)).toBe(digest);
    expect(leftovers(outDir)).toEqual([]);
    const leaked = filesIn(dirname(outDir)).filter((f) =>
      readFileSync(join(dirname(outDir), f), 'latin1').includes('13812345678'),
    );
    expect(leaked).toEqual([]);
  });

  /** The child of build process `parent` whose command line holds all of `parts` (Linux: /proc). */
  function stepPid(parent: number, parts: string[]): number | undefined {
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, so read after its ")".
        const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (ppid === parent && parts.every((p) => args.includes(p))) return Number(pid);
      } catch {
        // the process ended meanwhile
      }
    }
    return undefined;
  }

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

  it('keeps the previous output byte-identical when a step fails after writing pages, and says so last', async () => {
    // A step that dies (as one killed for lack of memory would) once pages are being written.
    const { child, closed, log } = await startAndWaitForPages();
    const staging = join(dirname(outDir), leftovers(outDir).find((n) => n.includes('staging')) ?? '?');
    const astro = stepPid(child.pid ?? 0, [resolve('node_modules/astro/bin/astro.mjs'), staging]);
    expect(astro).toBeDefined();
    process.kill(astro ?? 0, 'SIGKILL');
    expect(await closed).toBe(1);
    const lines = log().trim().split('\n');
    expect(lines.at(-2)).toBe('构建的“内容检查和页面生成”步骤被系统强制结束（可能是内存不足）。');
    expect(lines.at(-1)).toMatch(/^构建失败：.*没有改动，仍是上一次成功的构建。请稍后重试。$/);
    expect(treeDigest(outDir)).toBe(digest);
    expect(leftovers(outDir)).toEqual([]);
  });

  it('keeps the previous output when a build is killed, and the next build cleans up', async () => {
    const { child, closed } = await startAndWaitForPages();
    expect(leftovers(outDir).some((n) => n.includes('staging'))).toBe(true);
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await closed;
    expect(treeDigest(outDir)).toBe(digest);
    const next = await buildSite(copyMini(), outDir);
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

  it('refuses a bare astro build, which would skip the output gate and the search index', async () => {
    const out = join(projectTmp('bare-'), 'dist');
    const r = await runNode([resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
      HONOUR_CONTENT_DIR: copyMini(),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('请用 npm run build 构建');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
