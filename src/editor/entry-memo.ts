/**
 * Remembers the entry files that passed the content check's own rules (the
 * per-file part: front matter, schema, personal data, story), so a build
 * does not read and scan 10,000 unchanged entries again to publish 100 new
 * ones: that was about 31 s of a 10,000-entry release rebuild
 * (docs/performance.md). The cross-file rules (references, duplicates,
 * copied stories, file names, photos) still run on every entry, from what
 * the memo kept of it.
 *
 * A pass is keyed by the file's bytes and path and by everything the
 * per-file rules read besides: their code (every source file of the project
 * and the locked dependencies), the Node version, the site's own public
 * contacts and the year (the schema refuses honours of later years). The
 * collections (regions, titles, categories, releases) are not in the key:
 * the per-file rules do not read them, and a new release must not make
 * every entry count as changed. Only files without any problem are kept, so
 * a problem is found and reported on every run.
 *
 * The memo lives in the build's cache (never in the content root: nothing
 * there may steer the check), is written atomically, and a damaged memo or
 * one written by other code only costs a full check.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { PublicContacts } from '../rules/privacy.ts';
import type { EntryRecord } from '../model/schema.ts';

/** What the check learned of a file that passed: enough for the cross-file rules. */
export interface EntryPass {
  /** The entry as the schema parsed it. */
  entry: EntryRecord;
  /** The story's copy key and first line (for the copied-story rule, unfinished.ts `copyKey`). */
  story?: { key: string; line: number };
}

export interface EntryMemo {
  /** What a pass of this file, as it is now, learned; none when it did not pass before (or the memo is damaged). */
  passed(file: string, source: string, allowed: PublicContacts): EntryPass | undefined;
  /** Records that the file, as it is now, passed with no problem. */
  pass(file: string, source: string, allowed: PublicContacts, value: EntryPass): void;
  /** Writes the passes this run met (atomically); a memo without a file keeps them in memory only. */
  save(): void;
}

/** Bump when what a pass keeps changes shape. */
const FORMAT = '2';

/**
 * A digest of the code in `src` (the project's source folder) and the lock
 * file `lock`: any change to the rules' code, or to a library they use,
 * checks every file again.
 */
export function codeDigest(
  src = resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  lock = resolve(src, '..', 'package-lock.json'),
): string {
  const hash = createHash('sha256').update(FORMAT).update('\0').update(process.version);
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(?:ts|astro|mjs|js|json)$/.test(f) && !/\.test\.ts$/.test(f))
    .sort();
  for (const f of files)
    hash
      .update('\0')
      .update(f)
      .update('\0')
      .update(readFileSync(join(src, f)));
  if (existsSync(lock)) hash.update('\0lock\0').update(readFileSync(lock));
  return hash.digest('hex');
}

/** This code's digest, computed once a process. */
let ours: string | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A kept value as this code wrote it; anything else (a damaged or foreign memo) is no pass. */
function asPass(value: unknown): EntryPass | undefined {
  if (!isRecord(value) || !isRecord(value.entry)) return undefined;
  const story = value.story;
  if (story !== undefined && !(isRecord(story) && typeof story.key === 'string' && Number.isInteger(story.line)))
    return undefined;
  return value as unknown as EntryPass;
}

/** The memo file's shape; a file of another shape or code is not read. */
interface Kept {
  format: 'honour-entry-checks';
  /** The rules' code that wrote it. */
  code: string;
  passes: Record<string, unknown>;
}

function load(file: string, digest: string): Map<string, EntryPass> {
  const passes = new Map<string, EntryPass>();
  if (!existsSync(file)) return passes;
  let kept: Partial<Kept>;
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<Kept>;
  } catch {
    return passes;
  }
  if (!isRecord(kept) || kept.format !== 'honour-entry-checks' || kept.code !== digest || !isRecord(kept.passes))
    return passes;
  for (const [k, v] of Object.entries(kept.passes)) {
    const pass = asPass(v);
    if (pass) passes.set(k, pass);
  }
  return passes;
}

/**
 * A memo kept in `file` (none: in memory only, for one run). A file inside
 * `root` (the content root) is never read or written. `code` is the digest
 * of the rules' code (this project's, by default).
 */
export function entryMemo(file?: string, root?: string, code?: string): EntryMemo {
  const inside = (f: string) => {
    if (!root) return false;
    const rel = relative(resolve(root), resolve(f));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const path = file && !inside(file) ? file : undefined;
  const digest = code ?? (ours ??= codeDigest());
  const known = path ? load(path, digest) : new Map<string, EntryPass>();
  const seen = new Map<string, EntryPass>();
  let changed = false;
  const stamps = new Map<string, string>();
  const key = (file: string, source: string, allowed: PublicContacts) => {
    const contacts = JSON.stringify(allowed);
    let stamp = stamps.get(contacts);
    if (stamp === undefined) {
      stamp = createHash('sha256')
        .update(digest)
        .update('\0')
        .update(contacts)
        .update('\0')
        .update(String(new Date().getUTCFullYear()))
        .digest('hex');
      stamps.set(contacts, stamp);
    }
    return createHash('sha256').update(stamp).update('\0').update(file).update('\0').update(source).digest('base64url');
  };
  return {
    passed(file, source, allowed) {
      const k = key(file, source, allowed);
      const pass = known.get(k);
      if (pass) seen.set(k, pass);
      return pass;
    },
    pass(file, source, allowed, value) {
      const k = key(file, source, allowed);
      seen.set(k, value);
      changed = true;
    },
    save() {
      // Passes of files no longer there (or changed since) are dropped, so the memo does not grow.
      if (!path || (!changed && seen.size === known.size)) return;
      const kept: Kept = { format: 'honour-entry-checks', code: digest, passes: Object.fromEntries(seen) };
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(kept));
      renameSync(temporary, path);
    },
  };
}
