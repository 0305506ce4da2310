/**
 * One build at a time per project folder, and only through `npm run build`.
 * Astro writes the module list of the content it is building into ./.astro/
 * (shared by every build of this folder, whatever its content root or
 * outDir), so two builds at once — a test suite, a benchmark, a release —
 * would read each other's modules. The build entry point (scripts/build.ts)
 * takes the lock, a folder created atomically (a lock whose process has died
 * is taken over), and holds it for its whole run; a bare `astro build`,
 * which would skip the output gate and the search index, is refused.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tryLock } from '../build/lock.ts';

/** The lock folder; also taken by a test that runs `astro dev` in this folder (it writes ./.astro/ too). */
export const BUILD_LOCK = resolve('node_modules/.honour-build.lock');

/** Waits for the lock and holds it until this process exits. */
export async function acquireBuildLock(onWait: () => void): Promise<void> {
  let told = false;
  while (!tryLock(BUILD_LOCK).ok) {
    if (!told) {
      onWait();
      told = true;
    }
    await sleep(200);
  }
}

export default function buildLock(): AstroIntegration {
  return {
    name: 'honour-build-lock',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build' || process.env.HONOUR_BUILD_LOCK_HELD === '1') return;
        // Pages no output gate has read, and no search index.
        throw new Error(
          '请用 npm run build 构建：它在发布前检查每个页面有没有个人信息，并建立搜索索引（直接运行 astro build 会跳过这些）',
        );
      },
    },
  };
}
