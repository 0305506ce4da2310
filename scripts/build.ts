/**
 * npm run build [-- --outDir dist]
 *
 * The one build entry point (tests, releases and the benchmark use it too).
 * Holds the build lock, runs `astro build` into a staging folder — the
 * content gate, the pages and the output gate run there — then, once Astro
 * has exited, builds the search indexes of the checked pages in their own
 * process (src/search/index-site.ts), so the two memory peaks never add up;
 * only when all of it succeeded it puts the new output in place of the old
 * one (src/build/publish.ts). A failed, interrupted or killed build leaves
 * the previous output as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { acquireBuildLock } from '../src/integrations/build-lock.ts';
import { cacheDir } from '../src/build/cache-dir.ts';
import { indexSite } from '../src/search/index-site.ts';
import { publishOutput, recoverOutput, removeInternals, stagingFolder } from '../src/build/publish.ts';

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' } } });
const outDir = resolve(values.outDir);
const shown = relative(process.cwd(), outDir) || outDir;
// Astro keeps a build's prerender chunks beside its outDir only when it is inside the working directory.
if (!outDir.startsWith(process.cwd() + sep)) {
  console.error(`构建失败：输出文件夹必须在项目目录内（${outDir}）`);
  process.exit(2);
}

await acquireBuildLock(() => console.log('另一个构建正在进行，等待它完成…'));
for (const note of recoverOutput(outDir)) console.log(note);

const staging = stagingFolder(outDir);
const child = spawn(
  process.execPath,
  [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging],
  // The lock is this process's; the build-lock integration leaves it to us.
  { stdio: 'inherit', env: { ...process.env, HONOUR_BUILD_LOCK_HELD: '1' } },
);

const stop = new AbortController();
let running: Promise<unknown> = new Promise((done) => child.once('close', done));
const abandon = (signal: NodeJS.Signals, code: number) => {
  child.kill(signal);
  stop.abort();
  void running.finally(() => {
    rmSync(staging, { recursive: true, force: true });
    console.error(`构建已中断：${shown}/ 没有改动，仍是上一次成功的构建。`);
    process.exit(code);
  });
};
process.once('SIGINT', () => abandon('SIGINT', 130));
process.once('SIGTERM', () => abandon('SIGTERM', 143));

const fail = (): never => {
  rmSync(staging, { recursive: true, force: true });
  const kept = existsSync(outDir) ? `${shown}/ 没有改动，仍是上一次成功的构建` : `没有生成 ${shown}/`;
  console.error(`构建失败：${kept}。请按上面的提示修改后再试。`);
  process.exit(1);
};

const status = await new Promise<number | null>((done) => child.once('close', done));
if (status !== 0) fail();
removeInternals(staging);
// A new lock file (another Pagefind) changes every index's hash.
const salt = existsSync('package-lock.json') ? readFileSync('package-lock.json', 'utf8') : '';
const indexing = indexSite(staging, join(cacheDir(), 'search-index'), salt, stop.signal);
running = indexing.catch(() => undefined);
try {
  console.log(await indexing);
} catch (error) {
  if (stop.signal.aborted) await new Promise(() => undefined); // abandon() exits
  console.error(`构建失败：搜索索引没有建成（${(error as Error).message}）`);
  fail();
}
publishOutput(staging, outDir);
console.log(`构建完成：已发布到 ${shown}/`);
