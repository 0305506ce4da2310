/**
 * Atomic builds: Astro writes into a staging folder beside the output
 * folder; only when everything succeeded (pages, gates, search index) is the
 * staging folder put in place, by a pair of renames on one file system:
 *
 *   dist → dist.previous, staging → dist, then dist.previous is removed.
 *
 * Until the second rename the old output stays whole. A build killed
 * between the two renames leaves `dist.previous` and no `dist`; the next
 * build (or `recoverOutput`) puts it back before anything else. A killed
 * build's staging folder is removed by the next build.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Build internals Astro may leave in its output folder (prerender chunks hold drafts and machine paths). */
export const BUILD_INTERNALS = ['.prerender'];

/** The staging folder of one build of `outDir`: beside it, so the final rename stays on one file system. */
export function stagingFolder(outDir: string, id: string | number = process.pid): string {
  return join(dirname(outDir), `.${basename(outDir)}.staging-${id}`);
}

/** Where the previous output waits during the swap. */
export function previousFolder(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.previous`);
}

/**
 * Finishes or undoes a swap a killed build left half-done, and removes the
 * staging folders of builds that are no longer running. `alive` tells
 * whether a build process still runs.
 */
export function recoverOutput(outDir: string, alive: (pid: number) => boolean): string[] {
  const notes: string[] = [];
  const previous = previousFolder(outDir);
  if (existsSync(previous)) {
    if (existsSync(outDir)) rmSync(previous, { recursive: true, force: true });
    else {
      renameSync(previous, outDir);
      notes.push(`上一次构建在发布途中被中断：已恢复之前的 ${basename(outDir)}/`);
    }
  }
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}.staging-`;
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length));
      if (Number.isInteger(pid) && alive(pid)) continue;
      rmSync(join(parent, name), { recursive: true, force: true });
      notes.push(`已删除被中断的构建留下的临时文件夹 ${name}`);
    }
  }
  return notes;
}

/** Removes build internals from a finished staging folder. */
export function removeInternals(staging: string): void {
  for (const name of BUILD_INTERNALS) rmSync(join(staging, name), { recursive: true, force: true });
}

/** Puts a finished staging folder in place of `outDir`, keeping the old output whole until the new one is there. */
export function publishOutput(staging: string, outDir: string): void {
  const previous = previousFolder(outDir);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}
