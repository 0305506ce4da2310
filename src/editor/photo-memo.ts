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
 * file is always checked again.
 */
import { statSync } from 'node:fs';
import { passMemo } from '../build/pass-memo.ts';

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
  /** Writes what was learned; a memo without a file keeps it in memory only. */
  save(): void;
}

/** A memo kept in `file` (none: in memory only, for one run). */
export function photoMemo(file?: string): PhotoMemo {
  const memo = passMemo(file);
  return {
    passed(path) {
      const id = identity(path);
      return id !== undefined && memo.has(id);
    },
    pass(path) {
      const id = identity(path);
      if (id !== undefined) memo.add(id);
    },
    save: () => memo.save(),
  };
}
