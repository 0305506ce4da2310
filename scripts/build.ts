/**
 * npm run build [-- --outDir dist]
 *
 * The one build entry point (tests, releases and the benchmark use it too).
 * Holds the build lock and runs three steps, each in a process of its own so
 * their memory peaks never add up (docs/performance.md):
 *
 * 1. `astro build` into a staging folder: the content gate and the pages;
 * 2. the names table, then the output gate over everything about to be
 *    published (src/publish/gate-site.ts);
 * 3. the story indexes of the checked pages (src/search/index-site.ts).
 *
 * Only when all of them succeeded is the new output put in place of the old
 * one (src/build/publish.ts). A failed, interrupted or killed build leaves
 * the previous output as it was.
 *
 * `--step gate|index --outDir <staging>` runs one of the later steps; the
 * entry point calls itself that way.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireBuildLock } from '../src/integrations/build-lock.ts';
import { cacheDir } from '../src/build/cache-dir.ts';
import { contentRoot } from '../src/model/content-root.ts';
import { publishOutput, recoverOutput, removeInternals, stagingFolder } from '../src/build/publish.ts';
import { runStep, stepEndLine, type StepEnd } from '../src/build/step.ts';
import { pageCounter } from '../src/build/page-log.ts';
import { commandArgs } from './lib/args.ts';

const { values } = commandArgs({
  script: 'build',
  options: {
    outDir: { type: 'string', value: '文件夹', default: 'dist' },
    // Internal: the entry point runs its later steps this way.
    step: { type: 'string', value: 'members|gate|index' },
  },
});
const outDir = resolve(values.outDir);

// The steps' modules are loaded only by the step that needs them: the entry point waits beside
// every step, and its memory counts in the build's peak (122 MB with them loaded, measured).
if (values.step === 'members') {
  const { preparePortal } = await import('../src/portal/portal.ts');
  console.log(preparePortal(contentRoot(), cacheDir()) ?? '');
  process.exit(0);
}
if (values.step === 'gate') {
  // A portal's record pages and the names table are written first, so the gate reads every file that will be published.
  const { readSite } = await import('../src/portal/site.ts');
  if (readSite(contentRoot())?.members?.length) {
    const { loadPortal, writePortalPages } = await import('../src/portal/portal.ts');
    const portal = loadPortal(cacheDir(), true);
    if (!portal) {
      console.error('省级门户的成员数据没有读到：请重新构建。');
      process.exit(1);
    }
    console.log(`省级门户：${writePortalPages(outDir, portal)} 条记录的事迹页交发布检查`);
  }
  const { writeNamesTable } = await import('../src/search/index-site.ts');
  console.log(writeNamesTable(outDir));
  const { gateSite } = await import('../src/publish/gate-site.ts');
  const gate = await gateSite(outDir, contentRoot(), cacheDir());
  (gate.ok ? console.log : console.error)(gate.report);
  process.exit(gate.ok ? 0 : 1);
}
if (values.step === 'index') {
  // A new lock file (another Pagefind) changes every index's hash.
  const salt = existsSync('package-lock.json') ? readFileSync('package-lock.json', 'utf8') : '';
  const { indexSite } = await import('../src/search/index-site.ts');
  // Stopped with the build, the Pagefind process is stopped too (it would go on writing into the cache).
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
  try {
    console.log(await indexSite(outDir, join(cacheDir(), 'search-index'), salt, stop.signal));
  } catch (error) {
    console.error(`搜索索引没有建成（${(error as Error).message}）`);
    process.exit(1);
  }
  process.exit(0);
}

const shown = relative(process.cwd(), outDir) || outDir;
// Astro keeps a build's prerender chunks beside its outDir only when it is inside the working directory.
if (!outDir.startsWith(process.cwd() + sep)) {
  console.error(`构建失败：输出文件夹必须在项目目录内（${outDir}）`);
  process.exit(2);
}

await acquireBuildLock(() => console.log('另一个构建正在进行，等待它完成…'));
for (const note of recoverOutput(outDir)) console.log(note);
const staging = stagingFolder(outDir);

let current: ChildProcess | undefined;
const run = { stopping: false };
/** Runs one step in its own process; how it ended. Its output goes to `output` when given, else to ours. */
function step(args: string[], output?: { write: (chunk: Buffer) => unknown }): Promise<StepEnd> {
  const { child, done } = runStep(
    args,
    {
      // Memory the steps free goes back to the system: blocks of 1 MB and more come from their own
      // mappings (glibc otherwise kept a 760 MB heap of freed buffers for the whole page generation),
      // and the bundler's allocator (mimalloc) returns freed pages at once. At 10,000 entries Astro's
      // process held 1.6-1.8 GB while rendering pages, 1.0-1.05 GB with these; its peak, 1.98 GB,
      // became 1.76 GB. At 128 KB page generation took 37 s longer (docs/performance.md).
      MALLOC_MMAP_THRESHOLD_: '1048576',
      MIMALLOC_PURGE_DELAY: '0',
      ...process.env,
      // The lock is this process's; the build-lock integration leaves it to us.
      HONOUR_BUILD_LOCK_HELD: '1',
    },
    process.stderr,
    output,
  );
  current = child;
  return done;
}

const abandon = (signal: NodeJS.Signals, code: number) => {
  run.stopping = true;
  const leave = () => {
    rmSync(staging, { recursive: true, force: true });
    console.error(`构建已中断：${shown}/ 没有改动，仍是上一次成功的构建。`);
    process.exit(code);
  };
  if (current && current.exitCode === null && current.signalCode === null) {
    current.once('close', leave);
    current.kill(signal);
  } else leave();
};
process.once('SIGINT', () => abandon('SIGINT', 130));
process.once('SIGTERM', () => abandon('SIGTERM', 143));

const self = fileURLToPath(import.meta.url);
// A provincial portal (site.yaml `members`) first reads its members' data, for every later step.
const { readSite } = await import('../src/portal/site.ts');
const portal = Boolean(readSite(contentRoot())?.members?.length);
/** Each step by the name an editor reads when it fails. */
const steps: Array<{ name: string; args: string[] }> = [
  ...(portal ? [{ name: '读取成员数据', args: [self, '--step', 'members', '--outDir', staging] }] : []),
  { name: '内容检查和页面生成', args: [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging] },
  { name: '发布检查', args: [self, '--step', 'gate', '--outDir', staging] },
  { name: '搜索索引', args: [self, '--step', 'index', '--outDir', staging] },
];
// Astro's page lines tell which pages were rendered and which reused (a release should render what it changes).
const pages = pageCounter();
const astroOutput = {
  write: (chunk: Buffer) => {
    process.stdout.write(chunk);
    pages.write(chunk.toString('utf8'));
  },
};
for (const { name, args } of steps) {
  const astro = args[1] === 'build';
  const end = await step(args, astro ? astroOutput : undefined);
  if (run.stopping) await new Promise(() => undefined); // abandon() exits
  if (!end.ok) {
    rmSync(staging, { recursive: true, force: true });
    const kept = existsSync(outDir) ? `${shown}/ 没有改动，仍是上一次成功的构建` : `没有生成 ${shown}/`;
    // A step out of memory or killed by a signal printed no hint (or V8's English) and may have stopped mid-line.
    const line = stepEndLine(name, end);
    if (line) console.error(`\n${line}`);
    const next = !line
      ? '请按上面的提示修改后再试'
      : end.cause === 'out-of-memory'
        ? '请按上面的提示处理后再试'
        : '请稍后重试';
    console.error(`构建失败：${kept}。${next}。`);
    process.exit(1);
  }
  if (astro) {
    removeInternals(staging);
    const { rendered, reused } = pages.counts();
    console.log(`页面生成：生成 ${rendered} 个文件，沿用上次构建的 ${reused} 个`);
  }
}
publishOutput(staging, outDir);
console.log(`构建完成：已发布到 ${shown}/`);
