/**
 * A set of keys of things that passed a check, kept in the cache between
 * builds, so unchanged input is not checked again. Only passes are kept:
 * anything with a problem is checked (and reported) on every run. A key must
 * change whenever the thing or the rules that judge it change (a content
 * hash, or a file identity, plus a rules version).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PassMemo {
  /** Whether the key passed before (or during this run). */
  has(key: string): boolean;
  /** Records a pass. */
  add(key: string): void;
  /** Every key known to have passed (for a check that runs in other threads, which then add what they saw). */
  known(): Set<string>;
  /** Writes the keys this run met (atomically), so the memo does not grow with removed things. */
  save(): void;
}

/** A memo kept in `file` (none: in memory only, for one run). A damaged file only costs a re-check. */
export function passMemo(file?: string): PassMemo {
  let known = new Set<string>();
  if (file && existsSync(file)) {
    try {
      known = new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
    } catch {
      known = new Set();
    }
  }
  const seen = new Set<string>();
  let added = false;
  return {
    has(key) {
      if (!known.has(key)) return false;
      seen.add(key);
      return true;
    },
    add(key) {
      seen.add(key);
      if (!known.has(key)) added = true;
      known.add(key);
    },
    known: () => new Set(known),
    save() {
      if (!file || (!added && seen.size === known.size)) return;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify([...seen].sort()));
      renameSync(`${file}.tmp`, file);
    },
  };
}
