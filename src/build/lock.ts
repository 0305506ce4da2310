/**
 * Locks as folders created atomically, holding who owns them. The build lock
 * (one build per project) and the import lock (one import per content root)
 * both use them; a lock whose owner is no longer running is taken over.
 *
 * A pid alone cannot say that: the import lock lives in the content root, so
 * a lock folder can arrive from anywhere (a commit, a copied folder, a
 * reboot) naming a pid that is alive but is something else — pid 1, or a pid
 * the system has since given to another program. So the owner file records,
 * besides the pid, the computer's name and the process's identity on Linux
 * (the boot id and the process's start time, from /proc): a lock is held only
 * while that very process runs.
 */
import { lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';

/** True while a process with this id runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Longest owner file a lock writes (pid, host, identity): a few dozen bytes. */
const OWNER_MAX_BYTES = 4096;

/**
 * A lock's owner file, if it is a small regular file: a link (to /dev/zero, say) or anything
 * larger is not what a lock writes, and reading one without a bound took 23 GB.
 */
const readOwner = (path: string): string | undefined => {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && stat.size <= OWNER_MAX_BYTES ? readFileSync(path, 'utf8') : '';
  } catch {
    return undefined;
  }
};

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * A process's identity on this computer, `<boot id>:<start time>`, which no
 * later process with the same pid shares; undefined without Linux's /proc.
 */
export function processIdentity(pid: number): string | undefined {
  const boot = readText('/proc/sys/kernel/random/boot_id')?.trim();
  const stat = readText(`/proc/${pid}/stat`);
  if (!boot || !stat) return undefined;
  // Field 22, counted after the command name, which may itself hold spaces and parentheses.
  const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return start ? `${boot}:${start}` : undefined;
}

/** Why a lock folder is no longer held. */
export type StaleReason =
  /** Its process has ended. */
  | 'dead'
  /** Its pid is alive but is another program (pid 1, or a pid reused since). */
  | 'not-ours'
  /** Its owner file cannot be read as one (damaged or written by hand). */
  | 'unreadable';

/** Who holds a lock folder. */
export type LockHolder =
  | { state: 'free' }
  /** Its process runs. */
  | { state: 'running'; pid: number }
  /** Just created: its owner is still writing its id. */
  | { state: 'starting' }
  /** Written on another computer (a shared folder): whether it runs cannot be told from here. */
  | { state: 'other-host'; pid: number; host: string }
  | { state: 'stale'; pid?: number; why: StaleReason };

interface Owner {
  pid: number;
  host?: string;
  start?: string;
}

const OWNER_FILE = 'pid';
/** How long a lock folder without an owner file counts as being created. */
const STARTING_MS = 10_000;

/** The owner file: JSON, or a bare pid as earlier versions wrote it. */
function parseOwner(text: string): Owner | undefined {
  const t = text.trim();
  if (/^\d{1,10}$/.test(t)) return { pid: Number(t) };
  try {
    const o = JSON.parse(t) as Partial<Owner>;
    if (!Number.isSafeInteger(o.pid) || (o.pid ?? 0) <= 0) return undefined;
    return {
      pid: o.pid as number,
      host: typeof o.host === 'string' ? o.host : undefined,
      start: typeof o.start === 'string' ? o.start : undefined,
    };
  } catch {
    return undefined;
  }
}

/** True when the program running as `pid` may be Node (a lock in the old, bare-pid format was written by Node). */
function mayBeNode(pid: number): boolean {
  const cmdline = readText(`/proc/${pid}/cmdline`);
  // Unreadable (another user's process, no /proc): it cannot be ruled out.
  if (cmdline === undefined) return true;
  const argv0 = cmdline.split('\0')[0] ?? '';
  return /node/i.test(basename(argv0));
}

/** Who holds the lock folder `dir`, judged from its owner file and the running processes. */
export function lockHolder(dir: string): LockHolder {
  let folder;
  try {
    folder = lstatSync(dir);
  } catch {
    return { state: 'free' };
  }
  const text = readOwner(join(dir, OWNER_FILE));
  if (!text?.trim()) {
    // Between mkdir and the owner file's write, for a moment; a folder left like that for long is stale.
    return Date.now() - folder.mtimeMs < STARTING_MS ? { state: 'starting' } : { state: 'stale', why: 'unreadable' };
  }
  const owner = parseOwner(text);
  if (!owner) return { state: 'stale', why: 'unreadable' };
  const { pid } = owner;
  if (owner.host !== undefined && owner.host !== hostname()) return { state: 'other-host', pid, host: owner.host };
  if (!alive(pid)) return { state: 'stale', pid, why: 'dead' };
  const identity = processIdentity(pid);
  if (owner.start !== undefined && identity !== undefined) {
    return owner.start === identity ? { state: 'running', pid } : { state: 'stale', pid, why: 'not-ours' };
  }
  // No identity to compare: pid 1 is the system's first process, never a build or an import (unless it is this one).
  if (pid === 1 && process.pid !== 1) return { state: 'stale', pid, why: 'not-ours' };
  if (owner.start === undefined && !mayBeNode(pid)) return { state: 'stale', pid, why: 'not-ours' };
  return { state: 'running', pid };
}

export type LockResult =
  | { ok: true; release: () => void; tookOver?: { pid?: number; why: StaleReason } }
  | { ok: false; pid?: number; holder: Exclude<LockHolder, { state: 'free' | 'stale' }> };

/**
 * Takes the lock folder `dir` for this process until it exits, or says who
 * holds it. A stale lock is removed and taken, and `tookOver` says whose it
 * was and why it no longer counted, for the user.
 */
export function tryLock(dir: string): LockResult {
  let tookOver: { pid?: number; why: StaleReason } | undefined;
  for (;;) {
    try {
      mkdirSync(dir);
      const owner: Owner = { pid: process.pid, host: hostname(), start: processIdentity(process.pid) };
      writeFileSync(join(dir, OWNER_FILE), JSON.stringify(owner));
      const release = () => rmSync(dir, { recursive: true, force: true });
      process.once('exit', release);
      return tookOver ? { ok: true, release, tookOver } : { ok: true, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = lockHolder(dir);
    if (holder.state === 'free') continue;
    if (holder.state !== 'stale') return { ok: false, pid: 'pid' in holder ? holder.pid : undefined, holder };
    tookOver = { pid: holder.pid, why: holder.why };
    rmSync(dir, { recursive: true, force: true });
  }
}
