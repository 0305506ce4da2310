/**
 * Atomic builds: Astro writes into a staging folder beside the output
 * folder; only when everything succeeded (pages, gates, search index) is the
 * staging folder put in place, by a pair of renames on one file system:
 *
 *   dist → dist.previous, staging → dist, then dist.previous is removed.
 *
 * Until the second rename the old output stays whole. A build killed
 * between the two renames leaves `.dist.previous` and no `dist`; the next
 * build (`recoverOutput`) puts it back before anything else, and removes a
 * killed build's staging folder.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Build internals Astro may leave in its output folder (prerender chunks hold drafts and machine paths). */
export const BUILD_INTERNALS = ['.prerender'];

/**
 * The staging folder of `outDir`: beside it, so the final rename stays on one
 * file system, and at the same path every build (builds hold the build lock,
 * so one at a time uses it): Astro's incremental build hashes a page's module
 * paths, and a new folder per build made every page miss its cache (measured:
 * 0 of 33 pages reused instead of 33 with nothing changed).
 */
export function stagingFolder(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.staging`);
}

/** Where the previous output waits during the swap. */
export function previousFolder(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.previous`);
}

/**
 * Finishes or undoes a swap a killed build left half-done, and removes the
 * staging folder a killed build left. Call it holding the build lock.
 */
export function recoverOutput(outDir: string): string[] {
  const notes: string[] = [];
  const previous = previousFolder(outDir);
  if (existsSync(previous)) {
    if (existsSync(outDir)) rmSync(previous, { recursive: true, force: true });
    else {
      renameSync(previous, outDir);
      notes.push(`上一次构建在发布途中被中断：已恢复之前的 ${basename(outDir)}/`);
    }
  }
  const staging = stagingFolder(outDir);
  if (existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    notes.push(`已删除被中断的构建留下的临时文件夹 ${basename(staging)}`);
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
  // A release's --dist may name a folder not made yet: rename() does not make its parent.
  else mkdirSync(dirname(outDir), { recursive: true });
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}
