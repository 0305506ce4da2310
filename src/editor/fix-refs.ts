/**
 * `content:check --fix`: a region, category, honour title or release
 * written by its name (侯马市, 侯马, 临汾好人, 第3期) is rewritten to the id
 * it means, in place — every other byte of the file, comments included,
 * stays (src/editor/entry-file.ts). Nothing else is changed, and nothing
 * where a name could mean two records or the file cannot be read.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTENT_FILES } from '../model/content-root.ts';
import { ENTRY_FILE_MAX_BYTES, listEntryFiles, readContentText } from '../parse/content-files.ts';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import { readCollections } from './check.ts';
import { editEntryFile, readEntryFile } from './entry-file.ts';
import { importLockProblem } from './import-write.ts';
import { lookupRef, type RefKind, type RefLists } from './ref-names.ts';
import { lineOfField } from './yaml-lines.ts';

/** One value rewritten: where, and from what to which id. */
export interface RefFix {
  file: string;
  line?: number;
  field: string;
  from: string;
  to: string;
}

/** The id a string value means, when it is a name of exactly one record. */
function idFor(lists: RefLists, kind: RefKind, value: unknown, honour?: { title: string; year: number }) {
  if (typeof value !== 'string') return undefined;
  const found = lookupRef(lists, kind, value, honour);
  return found.is === 'name' ? found.id : undefined;
}

/**
 * The front matter with names rewritten to ids, and the changes; `data` is
 * the file's front matter as read. Pure: writes nothing.
 */
export function refFixes(
  lists: RefLists,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; fixes: Array<Omit<RefFix, 'file' | 'line'>> } {
  const fixes: Array<Omit<RefFix, 'file' | 'line'>> = [];
  const out: Record<string, unknown> = { ...data };
  const fix = (field: string, from: unknown, to: string | undefined) => {
    if (to === undefined || typeof from !== 'string') return undefined;
    fixes.push({ field, from, to });
    return to;
  };
  for (const [key, kind] of [
    ['region', 'region'],
    ['category', 'category'],
  ] as const) {
    const to = fix(key, data[key], idFor(lists, kind, data[key]));
    if (to !== undefined) out[key] = to;
  }
  if (Array.isArray(data.honours)) {
    out.honours = data.honours.map((h: unknown, i) => {
      if (h === null || typeof h !== 'object' || Array.isArray(h)) return h;
      const honour = { ...(h as Record<string, unknown>) };
      const title = fix(`honours[${i}].title`, honour.title, idFor(lists, 'title', honour.title));
      if (title !== undefined) honour.title = title;
      const titleId = typeof honour.title === 'string' ? honour.title : '';
      const year = Number(honour.year);
      const release =
        lists.titles.has(titleId) && Number.isInteger(year)
          ? idFor(lists, 'release', honour.release, { title: titleId, year })
          : undefined;
      const fixed = fix(`honours[${i}].release`, honour.release, release);
      if (fixed !== undefined) honour.release = fixed;
      return honour;
    });
  }
  return { data: out, fixes };
}

/**
 * Rewrites every entry file's names to ids in place and says each change;
 * nothing is written while an import holds the content root.
 */
export function fixEntryRefs(
  root: string,
  cwd = process.cwd(),
): {
  fixes: RefFix[];
  refused?: string;
  /** Files whose front matter could not be read, left as they are. */ skipped: string[];
} {
  const lock = importLockProblem(root, cwd);
  if (lock) return { fixes: [], skipped: [], refused: `${lock.file}：${lock.message}。这次没有改动任何文件` };
  const { collections } = readCollections(root, cwd);
  const fixes: RefFix[] = [];
  const skipped: string[] = [];
  for (const path of listEntryFiles(join(root, CONTENT_FILES.entries)).files) {
    const read = readContentText(path, ENTRY_FILE_MAX_BYTES);
    if (!read.ok) continue;
    let data: Record<string, unknown>;
    try {
      data = readEntryFile(read.text).data;
    } catch {
      // A front matter the check refuses is left as it is, and the editor is told why.
      skipped.push(relative(cwd, path));
      continue;
    }
    const planned = refFixes(collections, data);
    if (!planned.fixes.length) continue;
    const text = editEntryFile(read.text, planned.data);
    const tmp = `${path}.fix-tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    const file = relative(cwd, path);
    const frontmatter = splitFrontmatter(text)?.frontmatter ?? '';
    for (const f of planned.fixes) fixes.push({ ...f, file, line: lineOfField(frontmatter, f.field, 1) });
  }
  return { fixes, skipped };
}
