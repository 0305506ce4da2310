/** The files of a release folder (releases/<id>/) besides its changelog: the site's archive, open data, checksums. */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { archiveDir, sortedFiles } from './archive.ts';

/** Empties `out`, then writes the archive of the built site in `dist` and its open data; the archive's file name. */
export async function writeSiteFiles(dist: string, out: string, id: string): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data'), { recursive: true });
  const archiveName = `site-${id}.tar.gz`;
  await archiveDir(dist, join(out, archiveName));
  copyFileSync(join(dist, 'data/entries.json'), join(out, 'data/entries.json'));
  copyFileSync(join(dist, 'data/entries.csv'), join(out, 'data/entries.csv'));
  copyFileSync(join(dist, `data/releases/${id}.json`), join(out, `data/release-${id}.json`));
  return archiveName;
}

/** SHA256SUMS of every file below `dir`, in sorted order (`sha256sum -c` reads it). */
export function checksums(dir: string): string {
  return sortedFiles(dir)
    .map(
      (f) =>
        `${createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex')}  ${f}`,
    )
    .join('\n');
}
