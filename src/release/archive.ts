/**
 * A reproducible .tar.gz of a built site: files in sorted order, fixed
 * timestamps, no owner names, and a gzip header without a time, so the
 * same dist/ always gives the same bytes.
 */
import { readdirSync } from 'node:fs';
import { create } from 'tar';

export const EPOCH = new Date(0);

/** Every file below `dir`, as sorted relative paths. */
export function sortedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => `${d.parentPath}/${d.name}`.slice(dir.replace(/\/$/, '').length + 1))
    .sort();
}

export async function archiveDir(dir: string, file: string): Promise<void> {
  await create(
    { cwd: dir, file, gzip: { level: 9 }, portable: true, mtime: EPOCH, noDirRecurse: true },
    sortedFiles(dir),
  );
}
