/**
 * Remembers which photo files passed the photo check, so a build does not
 * decode every photo again. Decoding is the check's cost: a 3.6 MB phone
 * photo takes 45-48 ms even at 32 px (entropy decoding cannot be skipped),
 * 96 s for the 2,000 photos of a 10,000-entry roll on every build
 * (docs/performance.md).
 *
 * A file is known by its device, inode, size, modification and status-change
 * times. Any write to the file, a copy, a checkout or a replacement changes
 * the status-change time, which no ordinary tool can set back, so a changed
 * file is always checked again. Only passes are kept: a photo with a problem
 * is checked (and reported) on every run.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bump when the photo rules change, so photos kept as passed are checked again. */
const RULES_VERSION = '1';

function identity(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return [RULES_VERSION, s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':');
  } catch {
    return undefined;
  }
}

export interface PhotoMemo {
  /** Whether the file, as it is now, passed before. */
  passed(path: string): boolean;
  /** Records that the file, as it is now, passed. */
  pass(path: string): void;
  /** Writes what was learned (atomically); a memo without a file keeps it in memory only. */
  save(): void;
}

/** A memo kept in `file` (none: in memory only, for one run). */
export function photoMemo(file?: string): PhotoMemo {
  let known = new Set<string>();
  if (file && existsSync(file)) {
    try {
      known = new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
    } catch {
      known = new Set(); // a damaged memo only costs a re-check
    }
  }
  const seen = new Set<string>();
  let changed = false;
  return {
    passed(path) {
      const id = identity(path);
      if (id === undefined || !known.has(id)) return false;
      seen.add(id);
      return true;
    },
    pass(path) {
      const id = identity(path);
      if (id === undefined) return;
      seen.add(id);
      if (!known.has(id)) changed = true;
      known.add(id);
    },
    save() {
      // Keeps only the photos this run met, so the memo does not grow with removed photos.
      if (!file || (!changed && seen.size === known.size)) return;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify([...seen].sort()));
      renameSync(`${file}.tmp`, file);
    },
  };
}
