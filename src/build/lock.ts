/**
 * Locks as folders created atomically, holding the owner's process id. The
 * build lock (one build per project) and the import lock (one import per
 * content root) both use them; a lock whose process has died is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** True while a process with this id runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock folder `dir` for this process until it exits, or says who
 * holds it (`pid` is undefined while the holder is between creating the folder
 * and writing its id: still held).
 */
export function tryLock(dir: string): { ok: true; release: () => void } | { ok: false; pid?: number } {
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      const release = () => rmSync(dir, { recursive: true, force: true });
      process.once('exit', release);
      return { ok: true, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let pid: number | undefined;
    try {
      pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    } catch {
      return { ok: false };
    }
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) return { ok: false, pid };
    rmSync(dir, { recursive: true, force: true });
  }
}
