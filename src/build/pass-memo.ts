/**
 * A set of keys of things that passed a check, kept in the cache between
 * builds, so unchanged input is not checked again. Only passes are kept:
 * anything with a problem is checked (and reported) on every run. A key must
 * change whenever the thing or the rules that judge it change (a content
 * hash, or a file identity, plus a rules version). A pass may carry what the
 * check learned of the thing (the output gate: the images a page shows), so
 * an unchanged thing is not read again for it either.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PassMemo<V = never> {
  /** Whether the key passed before (or during this run). */
  has(key: string): boolean;
  /** What was recorded with the key's pass, if anything. */
  get(key: string): V | undefined;
  /** Records a pass, and what was learned with it. */
  add(key: string, value?: V): void;
  /** Every key known to have passed (for a check that runs in other threads, which then add what they saw). */
  known(): Set<string>;
  /** Writes the keys this run met (atomically), so the memo does not grow with removed things. */
  save(): void;
}

/**
 * A memo kept in `file` (none: in memory only, for one run). A damaged file
 * only costs a re-check. Kept as a list of keys, or as an object from key to
 * value once a pass carries one.
 */
export function passMemo<V = never>(file?: string): PassMemo<V> {
  let known = new Map<string, V | undefined>();
  if (file && existsSync(file)) {
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as string[] | Record<string, V | null>;
      known = Array.isArray(kept)
        ? new Map(kept.map((k) => [k, undefined]))
        : new Map(Object.entries(kept).map(([k, v]) => [k, v ?? undefined]));
    } catch {
      known = new Map();
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
    get: (key) => known.get(key),
    add(key, value) {
      seen.add(key);
      if (!known.has(key) || (value !== undefined && known.get(key) === undefined)) added = true;
      known.set(key, value ?? known.get(key));
    },
    known: () => new Set(known.keys()),
    save() {
      if (!file || (!added && seen.size === known.size)) return;
      mkdirSync(dirname(file), { recursive: true });
      const keys = [...seen].sort();
      const kept = keys.some((k) => known.get(k) !== undefined)
        ? Object.fromEntries(keys.map((k) => [k, known.get(k) ?? null]))
        : keys;
      writeFileSync(`${file}.tmp`, JSON.stringify(kept));
      renameSync(`${file}.tmp`, file);
    },
  };
}
