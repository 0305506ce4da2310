/**
 * Writing inside the content root: only regular files, only below the root, atomically. A file is
 * written to a temporary name beside its target and renamed over it, so a reader (the build, the
 * check, git) sees the old file or the new one, never half of one. Every folder on the way is
 * looked at (never through a symlink) and made one at a time.
 */
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, sep } from 'node:path';

/** Makes the folders from `root` down to `dir`, refusing a symlink or a file on the way. */
function folders(root: string, dir: string): void {
  const rel = relative(root, dir);
  if (rel.startsWith('..') || rel.startsWith(sep)) throw new Error(`outside the content root: ${dir}`);
  let at = root;
  for (const part of rel ? rel.split(sep) : []) {
    at = join(at, part);
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (!stat) mkdirSync(at);
    else if (stat.isSymbolicLink() || !stat.isDirectory()) throw new Error(`not a folder: ${at}`);
  }
}

/** Writes `bytes` to `abs` (a regular file or nothing yet, inside `root`) atomically. */
export function writeAtomically(root: string, abs: string, bytes: string | Uint8Array): void {
  folders(root, dirname(abs));
  const stat = lstatSync(abs, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) throw new Error(`not a regular file: ${abs}`);
  const tmp = join(dirname(abs), `.${basename(abs)}.desk-${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, abs);
}
