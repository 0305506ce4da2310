/**
 * One `astro build` at a time per project folder. Astro writes the module
 * list of the content it is building into ./.astro/ (shared by every build
 * of this folder, whatever its content root or outDir), so two builds at
 * once — a test suite, a benchmark, a release — would read each other's
 * modules. The lock is a folder created atomically; a lock whose process
 * has died is taken over.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tryLock } from '../build/lock.ts';

const LOCK = resolve('node_modules/.honour-build.lock');

/** Waits for the lock and holds it until this process exits. */
export async function acquireBuildLock(onWait: () => void): Promise<void> {
  let told = false;
  while (!tryLock(LOCK).ok) {
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
      'astro:config:setup': async ({ command, logger }) => {
        // `npm run build` (scripts/build.ts) holds the lock for its whole run and says so.
        if (command !== 'build' || process.env.HONOUR_BUILD_LOCK_HELD === '1') return;
        await acquireBuildLock(() => logger.info('另一个构建正在进行，等待它完成…'));
      },
    },
  };
}
