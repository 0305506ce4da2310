/**
 * npm run build [-- --outDir dist]
 *
 * The one build entry point (tests, releases and the benchmark use it too).
 * Holds the build lock, runs `astro build` into a staging folder — the
 * content gate, the pages, the output gate and the search index all run
 * there — and only when all of it succeeded puts the new output in place
 * of the old one (src/build/publish.ts). A failed, interrupted or killed
 * build leaves the previous output as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { acquireBuildLock } from '../src/integrations/build-lock.ts';
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

const abandon = (signal: NodeJS.Signals, code: number) => {
  child.kill(signal);
  child.once('close', () => {
    rmSync(staging, { recursive: true, force: true });
    console.error(`构建已中断：${shown}/ 没有改动，仍是上一次成功的构建。`);
    process.exit(code);
  });
};
process.once('SIGINT', () => abandon('SIGINT', 130));
process.once('SIGTERM', () => abandon('SIGTERM', 143));

const status = await new Promise<number | null>((done) => child.once('close', done));
if (status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  const kept = existsSync(outDir) ? `${shown}/ 没有改动，仍是上一次成功的构建` : `没有生成 ${shown}/`;
  console.error(`构建失败：${kept}。请按上面的提示修改后再试。`);
  process.exit(1);
}
removeInternals(staging);
publishOutput(staging, outDir);
console.log(`构建完成：已发布到 ${shown}/`);
