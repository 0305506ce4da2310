/**
 * One `astro build` at a time per project folder. Astro writes the module
 * list of the content it is building into ./.astro/ (shared by every build
 * of this folder, whatever its content root or outDir), so two builds at
 * once — a test suite, a benchmark, a release — would read each other's
 * modules. The lock is a folder created atomically; a lock whose process
 * has died is taken over.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { alive } from '../build/pid.ts';

const LOCK = resolve('node_modules/.honour-build.lock');

/** Waits for the lock and holds it until this process exits. */
export async function acquireBuildLock(onWait: () => void): Promise<void> {
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      process.once('exit', () => rmSync(LOCK, { recursive: true, force: true }));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      /* the owner is between mkdir and writing its pid */
    }
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
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
