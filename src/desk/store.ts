/**
 * The desk's view of the content root, kept between requests: each file's text and digest, and
 * each entry's check, cached by the file's modification time, size and inode. Listing a county of
 * 1,000 entries reads only the files that changed since the last listing (Decap lists a folder
 * every time a collection opens), and the cross-file rules of a save read the facts of every
 * other entry from here instead of checking the whole root again.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTENT_FILES, entryIdFromPath } from '../model/content-root.ts';
import { checkEntrySource, readCollections, type EntrySourceCheck, type LoadedContent } from '../editor/check.ts';
import { entryFacts, type EntryFacts } from '../editor/validate.ts';
import { copyKey, type StoryOf } from '../editor/unfinished.ts';
import type { PublicContacts } from '../rules/privacy.ts';
import type { Problem } from '../rules/problems.ts';
import { decodeText, ENTRY_FILE_MAX_BYTES, listEntryFiles } from '../parse/content-files.ts';

/** What identifies a version of a file without reading it. */
const versionOf = (s: Stats) => `${s.mtimeMs}:${s.size}:${s.ino}`;

interface Cached {
  version: string;
  bytes: Buffer;
  /** Decap's id of a file: the SHA-256 of its bytes (as decap-server gives it). */
  id: string;
  /** The entry check of an `.mdx` file, made when first asked for, under the site's public contacts it was made with. */
  check?: { key: string; result: EntrySourceCheck };
}

/** An entry as the cross-file rules read it. */
export interface EntryState {
  path: string;
  facts?: EntryFacts & { path: string };
  story?: StoryOf;
}

/** The collections and the site's public contacts, as the check reads them. */
export interface Collections {
  problems: Problem[];
  collections: Omit<LoadedContent, 'entries'>;
  allowed: PublicContacts;
}

export class ContentStore {
  private readonly files = new Map<string, Cached>();
  private collectionsCache?: { version: string; value: Collections };

  /** `root` is the content root's real path; `cwd` is where paths in messages are relative to (as content:check prints them). */
  readonly root: string;
  readonly cwd: string;

  constructor(root: string, cwd: string = process.cwd()) {
    this.root = root;
    this.cwd = cwd;
  }

  /** A path as the check shows it in messages. */
  show(abs: string): string {
    const rel = relative(this.cwd, abs);
    return rel.startsWith('..') ? abs : rel;
  }

  /** A regular file's bytes and digest (cached by version); undefined for a missing file, a folder or a symlink. */
  read(abs: string): { bytes: Buffer; id: string } | undefined {
    let stat: Stats;
    try {
      stat = lstatSync(abs);
    } catch {
      this.files.delete(abs);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const version = versionOf(stat);
    const had = this.files.get(abs);
    if (had?.version === version) return had;
    const bytes = readFileSync(abs);
    const cached: Cached = { version, bytes, id: createHash('sha256').update(bytes).digest('hex') };
    // Entry files are kept; photos (up to 20 MB each, read when an entry shows one) are read again when asked.
    if (bytes.length <= ENTRY_FILE_MAX_BYTES) this.files.set(abs, cached);
    else this.files.delete(abs);
    return cached;
  }

  /** Forgets what is kept of a file (after the desk wrote it). */
  forget(abs: string): void {
    this.files.delete(abs);
  }

  /** Regular files below `dir` ending in `extension`, `depth` folders deep (1: the folder itself), sorted; symlinks never followed. */
  list(dir: string, extension: string, depth: number): string[] {
    const out: string[] = [];
    const walk = (at: string, left: number) => {
      if (left <= 0) return;
      let names: string[];
      try {
        names = readdirSync(at);
      } catch {
        return;
      }
      for (const name of names) {
        const path = join(at, name);
        const stat = lstatSync(path, { throwIfNoEntry: false });
        if (!stat || stat.isSymbolicLink()) continue;
        if (stat.isDirectory()) walk(path, left - 1);
        else if (stat.isFile() && name.endsWith(extension)) out.push(path);
      }
    };
    walk(dir, depth);
    return out.sort();
  }

  /** The site's settings and the four collections, read again only when one of their files changed. */
  collections(): Collections {
    const names = [
      CONTENT_FILES.site,
      CONTENT_FILES.regions,
      CONTENT_FILES.titles,
      CONTENT_FILES.categories,
      CONTENT_FILES.releases,
    ];
    const version = names
      .map((n) => {
        const s = lstatSync(join(this.root, n), { throwIfNoEntry: false });
        return s ? versionOf(s) : '-';
      })
      .join('|');
    if (this.collectionsCache?.version !== version)
      this.collectionsCache = { version, value: readCollections(this.root, this.cwd) };
    return this.collectionsCache.value;
  }

  /** An entry file's own check (content:check's `checkEntrySource`), cached by the file's version. */
  checked(abs: string, allowed: PublicContacts): { text: string; check: EntrySourceCheck } | undefined {
    const cached = this.read(abs) as Cached | undefined;
    if (!cached || cached.bytes.length > ENTRY_FILE_MAX_BYTES) return undefined;
    const read = decodeText(cached.bytes);
    if (!read.ok) return undefined;
    // The site's public contacts decide what is private data: a changed site.yaml checks again.
    const key = JSON.stringify(allowed);
    if (cached.check?.key !== key) cached.check = { key, result: checkEntrySource(read.text, this.show(abs), allowed) };
    return { text: read.text, check: cached.check.result };
  }

  private warming?: Promise<void>;

  /**
   * Checks every entry file ahead of the first save, one or two at a time between requests, so
   * the first save does not wait for the whole root (about 2 s at 1,000 entries here) and no
   * request waits long for the warming. Started once; later calls return the same promise.
   */
  warm(): Promise<void> {
    this.warming ??= (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const { allowed } = this.collections();
      const { files } = listEntryFiles(join(this.root, CONTENT_FILES.entries));
      for (const [i, path] of files.entries()) {
        this.checked(path, allowed);
        if (i % 2 === 1) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    return this.warming;
  }

  /** Every entry file of the root with the facts and story the cross-file rules read (those that passed their own check). */
  entries(allowed: PublicContacts): EntryState[] {
    const { files } = listEntryFiles(join(this.root, CONTENT_FILES.entries));
    return files.map((path) => {
      const got = this.checked(path, allowed);
      const entry = got?.check.entry;
      if (!got || !entry) return { path };
      const file = this.show(path);
      const facts = { ...entryFacts(entryIdFromPath(path), file, entry), path };
      const story =
        !entry.draft && got.check.story
          ? { file, name: entry.name, line: got.check.story.line, key: copyKey(got.check.story.text, entry.summary) }
          : undefined;
      return { path, facts, story };
    });
  }
}
