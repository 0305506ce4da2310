/**
 * The content check: reads a content root from disk, validates every file
 * with the same schemas the site uses, then the cross-collection rules.
 * `npm run content:check` and the build's content gate both call it.
 */
import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { CONTENT_FILES, entryIdFromPath } from '../model/content-root.ts';
import { fieldPath, type Problem, type ProblemCode } from '../rules/problems.ts';
import { problemCode } from '../rules/problem-codes.ts';
import {
  categorySchema,
  regionSchema,
  siteSchema,
  chineseIssue,
  slugProblem,
  slugPattern,
  titleSchema,
  KINDS,
  type Kind,
  type CategoryData,
  type RegionData,
  type SiteData,
  type TitleData,
  type EntryRecord,
  type ReleaseRecord,
} from '../model/schema.ts';
import {
  entryFacts,
  likelyDuplicates,
  refusedEntryRefs,
  validateContent,
  type EntryFacts,
  type Taxonomy,
} from './validate.ts';
import type { PublicContacts } from '../rules/privacy.ts';
import { contactsOf } from '../rules/public-contacts.ts';
import { splitFrontmatter, storyFirstLine } from '../parse/frontmatter.ts';
import { ENTRY_FILE_MAX_BYTES, listEntryFiles, photoPathFinding, readContentText } from '../parse/content-files.ts';
import { parseStory, storyText } from '../parse/story.ts';
import { importLeftovers, importLockProblem, JOURNAL, readJournal } from './import-write.ts';
import { photoMemo, type PhotoMemo } from './photo-memo.ts';
import { entryMemo, type EntryMemo } from './entry-memo.ts';
import { cacheDir } from '../build/cache-dir.ts';
import { parseYamlData, YAML_LIMITS } from '../parse/yaml.ts';
import { photoReport, type PhotoReport } from './photo-check.ts';
import { expectedSlug, renameHint } from './file-name.ts';
import { lookupRef, type RefLists } from './ref-names.ts';
import { personalDataFindings, sideBySideProblems, storyDataProblems, textFields } from './personal-data.ts';
import { entrySchema, releaseSchema } from './plain-schemas.ts';
import { lineOfField, lineOfIdRecord } from './yaml-lines.ts';
import {
  boilerplateProblems,
  copiedStories,
  copyKey,
  invisibleProblem,
  placeholderProblems,
  type StoryOf,
  type TextProblem,
} from './unfinished.ts';

/** What a content root holds, as read by the check (valid records only). */
export interface LoadedContent {
  regions: Map<string, RegionData>;
  titles: Map<string, TitleData>;
  categories: Map<string, CategoryData>;
  releases: Map<string, ReleaseRecord>;
  /** Entries that passed the schema: absolute path, id and facts. */
  entries: Array<EntryFacts & { path: string }>;
}

export interface CheckResult {
  problems: Problem[];
  /** Number of entry files read. */
  entries: number;
  content: LoadedContent;
}

/** An entry file's own problems (no photo or cross-file rules), and its parsed front matter when the schema passed. */
export interface EntrySourceCheck {
  problems: Problem[];
  /** The front matter text, when the file has one (for line numbers of later problems). */
  frontmatter?: string;
  /** The entry as the schema parsed it, when it passed. */
  entry?: EntryRecord;
  /** The front matter as read, when the schema refused it (what the parser made of a broken text, when it is not YAML). */
  data?: unknown;
  /** The story as a reader sees it, and its first line (for the copied-story rule). */
  story?: { text: string; line: number };
}

/** A field's name for a line of the front matter (0-based among its lines): the top-level key above it. */
function fieldAtLine(lines: readonly string[], index: number): string {
  for (let i = index; i >= 0; i--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? '');
    if (key) return key[1] ?? '';
  }
  return '';
}

/**
 * Invisible characters anywhere in an entry file, one problem a line (a byte order mark that
 * starts the file is how some Windows editors save, and is read as nothing).
 */
function invisibleInFile(source: string, frontmatter: string | undefined, file: string): Problem[] {
  const lines = source.split('\n');
  const fmLines = frontmatter?.split('\n') ?? [];
  const storyFrom = frontmatter === undefined ? Infinity : storyFirstLine(frontmatter);
  const problems: Problem[] = [];
  lines.forEach((raw, i) => {
    const line = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    const inFrontmatter = i >= 1 && i <= fmLines.length;
    const prefix = inFrontmatter ? (/^\s*(?:- )?[\w.-]+\s*:\s*/.exec(line)?.[0].length ?? 0) : 0;
    const message = invisibleProblem(line, prefix);
    if (!message) return;
    const field = inFrontmatter ? fieldAtLine(fmLines, i - 1) : i + 1 >= storyFrom ? '正文' : '';
    problems.push({ file, field, message, line: i + 1, severity: 'error', code: 'unfinished.invisible' });
  });
  return problems;
}

/** The line of a file, at `from` or below (up to `within` lines), that holds `needle`; `from` when none does. */
function lineHolding(lines: readonly string[], from: number, needle: string, within = 50): number {
  const probe = needle.trim();
  if (!probe) return from;
  for (let n = from; n < from + within && n <= lines.length; n++) if (lines[n - 1]?.includes(probe)) return n;
  return from;
}

/**
 * Checks the text of one entry file as the build will read it: front matter
 * (safe YAML, schema, personal data) and story (parsed and judged by the
 * build's own story renderer). `content:check` runs it on every file and
 * `content:import` on every file it is about to write.
 */
export function checkEntrySource(source: string, file: string, allowed: PublicContacts = {}): EntrySourceCheck {
  const problems: Problem[] = [];
  const err = (code: ProblemCode, field: string, message: string, line?: number) =>
    problems.push({ file, field, message, line, severity: 'error', code });
  const split = splitFrontmatter(source);
  if (!split) {
    err('file.no-frontmatter', '', '文件开头缺少用 --- 包围的资料区（frontmatter），请参照其他条目补上', 1);
    return { problems };
  }
  const yaml = parseYamlData(split.frontmatter, YAML_LIMITS.frontmatter);
  let data: unknown;
  if (!yaml.ok) {
    // The front matter starts on the file's second line.
    for (const p of yaml.problems)
      err(problemCode(p.code, 'yaml.syntax'), '', `资料区 ${p.message}`, p.line === undefined ? undefined : p.line + 1);
    // Every other check reads the rest: the lines named are left out of `partial`, so their own text is scanned here.
    const lines = split.frontmatter.split('\n');
    for (const line of new Set(yaml.problems.map((p) => p.line))) {
      if (line === undefined) continue;
      for (const { code, message } of personalDataFindings(lines[line - 1] ?? '', allowed))
        err(code, '', message, line + 1);
    }
    data = yaml.partial;
  } else data = yaml.value;
  const draft = (data as { draft?: unknown } | null)?.draft === true;
  const lines = source.split('\n');
  for (const problem of invisibleInFile(source, split.frontmatter, file)) problems.push(problem);
  /** Placeholders (not in a draft: it is not published) and boilerplate in a text, each on its line from `line` on. */
  const unfinished = (field: string, text: string, line: number | undefined, story: boolean) => {
    const found: TextProblem[] = [...(draft ? [] : placeholderProblems(text, story)), ...boilerplateProblems(text)];
    for (const p of found)
      err(p.code, field, p.message, line === undefined ? undefined : lineHolding(lines, line, p.needle));
  };
  for (const [field, value] of textFields(data)) {
    const line = lineOfField(split.frontmatter, field, 1);
    for (const { code, message } of personalDataFindings(value, allowed)) err(code, field, message, line);
    // Addresses are not text anybody reads.
    if (!/(?:^|\.)(?:url|src)$/.test(field)) unfinished(field, value, line, false);
  }
  const bodyLine = storyFirstLine(split.frontmatter);
  const story = parseStory(split.body, bodyLine);
  if (!story.ok)
    for (const p of story.problems) err(problemCode(p.code, 'story.unsupported'), '正文', p.message, p.line);
  // The text a reader will see, joined across emphasis and line breaks; a refused story is read line by line.
  const blocks = story.ok
    ? storyText(story.tree, bodyLine)
    : split.body.split('\n').map((text, i) => ({ line: bodyLine + i, text }));
  for (const p of storyDataProblems(blocks, allowed)) err(p.code, '正文', p.message, p.line);
  const read = blocks.filter((b) => !('url' in b && b.url));
  for (const b of read) unfinished('正文', b.text, b.line, true);
  const storyOf = { text: read.map((b) => b.text).join('\n'), line: read[0]?.line ?? bodyLine };
  for (const { field, message } of sideBySideProblems(data, allowed))
    err('privacy.joined', field, message, lineOfField(split.frontmatter, field, 1));
  // A broken front matter's fields are not judged by the schema: the YAML is fixed first.
  if (!yaml.ok) return { problems, frontmatter: split.frontmatter, data, story: storyOf };
  const parsed = entrySchema.safeParse(data ?? {}, { error: chineseIssue });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldPath(issue.path);
      err('field.invalid', field, issue.message, lineOfField(split.frontmatter, field, 1));
    }
    return { problems, frontmatter: split.frontmatter, data };
  }
  return {
    problems,
    frontmatter: split.frontmatter,
    entry: parsed.data,
    story: storyOf,
  };
}

/** The collections as the cross-collection rules read them; `file` names a collection's file in messages. */
export function taxonomyOf(
  content: Omit<LoadedContent, 'entries'>,
  file: (name: string) => string = (name) => name,
): Taxonomy {
  return {
    files: {
      regions: file(CONTENT_FILES.regions),
      titles: file(CONTENT_FILES.titles),
      categories: file(CONTENT_FILES.categories),
      releases: file(CONTENT_FILES.releases),
    },
    regions: new Set(content.regions.keys()),
    categories: new Set(content.categories.keys()),
    titles: new Map([...content.titles].map(([id, t]) => [id, { forMinors: t.forMinors, name: t.name }])),
    releases: new Map([...content.releases].map(([id, r]) => [id, { honour: r.honour, date: r.date }])),
    lists: content,
  };
}

type Report = (code: ProblemCode, file: string, field: string, message: string, line?: number) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an entry's file name is computed from, read from a front matter that may be
 * partly broken: its name, kind and region id (a region's name looked up; else the folder).
 */
function hintsOf(
  data: Record<string, unknown>,
  path: string,
  entriesDir: string,
  lists: RefLists | undefined,
): { name?: string; kind?: Kind; region?: string } {
  const name = typeof data.name === 'string' ? data.name : undefined;
  const kind = (KINDS as readonly unknown[]).includes(data.kind) ? (data.kind as Kind) : undefined;
  let region = typeof data.region === 'string' ? data.region : undefined;
  if (region !== undefined && lists) {
    const found = lookupRef(lists, 'region', region);
    if (found.is === 'name') region = found.id;
    else if (found.is !== 'id') region = undefined;
  }
  const folder = relative(entriesDir, dirname(path)).split(/[\\/]/)[0];
  return { name, kind, region: region ?? (folder && slugPattern.test(folder) ? folder : undefined) };
}

/** A path as the check shows it: relative to `cwd` when below it. */
function shower(cwd: string): (abs: string) => string {
  return (abs) => {
    const rel = relative(cwd, abs);
    return rel.startsWith('..') ? abs : rel;
  };
}

function reporter(problems: Problem[]): Report {
  return (code, file, field, message, line) => problems.push({ file, field, message, line, severity: 'error', code });
}

/** Reads a YAML collection file of records with `id`, validating each. */
function readCollection<T>(
  root: string,
  name: string,
  schema: z.ZodType<T>,
  allowed: PublicContacts,
  show: (path: string) => string,
  err: Report,
): Map<string, T> {
  const path = join(root, name);
  const out = new Map<string, T>();
  if (!existsSync(path)) {
    err('file.missing', show(path), '', `找不到文件 ${name}，内容目录 ${show(root)} 中必须有它`);
    return out;
  }
  const read = readContentText(path, YAML_LIMITS.collection);
  if (!read.ok) {
    err('file.unreadable', show(path), '', read.message);
    return out;
  }
  const text = read.text;
  if (text.trim() === '') {
    err('file.empty', show(path), '', '文件是空的，内容应是以 “- id: …” 开头的列表，请参照示例内容补全');
    return out;
  }
  const parsed = parseYamlData(text, YAML_LIMITS.collection);
  if (!parsed.ok) {
    for (const p of parsed.problems) err(problemCode(p.code, 'yaml.syntax'), show(path), '', p.message, p.line);
    return out;
  }
  const records = parsed.value;
  if (!Array.isArray(records)) {
    err('file.not-list', show(path), '', '文件内容必须是以 “- id: …” 开头的列表');
    return out;
  }
  records.forEach((record: unknown, i) => {
    const r = (record ?? {}) as Record<string, unknown>;
    const id = typeof r.id === 'string' ? r.id : '';
    const lineNo = id ? lineOfIdRecord(text, id) : undefined;
    if (!id) {
      err('id.missing', show(path), `[${i}].id`, '每一项都必须有 id（小写拼音），请补上');
      return;
    }
    // Ids become URL segments and (for regions) folder names: nothing but the safe form is used at all.
    const idProblem = slugProblem(id, 'id ');
    if (idProblem) {
      err('id.invalid', show(path), `[${i}].id`, idProblem, lineOfIdRecord(text, id));
      return;
    }
    if (out.has(id)) err('id.duplicate', show(path), `${id}.id`, `id “${id}” 重复，请改名`, lineNo);
    const { id: _id, ...rest } = r;
    const parsed = schema.safeParse(rest, { error: chineseIssue });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        err('field.invalid', show(path), `${id}.${fieldPath(issue.path)}`, issue.message, lineNo);
      return;
    }
    out.set(id, parsed.data);
    // The site's own public contacts are declared in its record; every other string is scanned.
    const own = name === CONTENT_FILES.site ? contactsOf(parsed.data as SiteData) : allowed;
    for (const [field, value] of textFields(rest)) {
      if (field.startsWith('contact.')) continue;
      for (const { code, message } of personalDataFindings(value, own))
        err(code, show(path), `${id}.${field}`, message, lineNo);
    }
  });
  return out;
}

/** Reads and checks the site settings and the four YAML collections; `allowed` are the site's own public contacts. */
export function readCollections(
  root: string,
  cwd = process.cwd(),
): { problems: Problem[]; collections: Omit<LoadedContent, 'entries'>; allowed: PublicContacts } {
  const problems: Problem[] = [];
  const err = reporter(problems);
  const show = shower(cwd);
  const site = readCollection(root, CONTENT_FILES.site, siteSchema, {}, show, err);
  if (site.size > 0 && !site.has('site')) {
    err('id.invalid', show(join(root, CONTENT_FILES.site)), 'id', '站点设置的 id 必须是 site');
  }
  const allowed = contactsOf(site.get('site'));
  const read = <T>(name: string, schema: z.ZodType<T>) => readCollection(root, name, schema, allowed, show, err);
  const collections = {
    regions: read(CONTENT_FILES.regions, regionSchema),
    titles: read(CONTENT_FILES.titles, titleSchema),
    categories: read(CONTENT_FILES.categories, categorySchema),
    releases: read(CONTENT_FILES.releases, releaseSchema),
  };
  // Two counties on one tile would hide one: the home page then lays the tiles out in official order
  // (src/roll/tiles.ts), which the office should hear about rather than wonder at.
  const cells = new Map<string, string>();
  const regionsFile = join(root, CONTENT_FILES.regions);
  // Read again only for line numbers, and only when there are regions (the file exists and was read).
  const regionsText =
    collections.regions.size > 0 ? readContentText(regionsFile, YAML_LIMITS.collection) : { ok: false as const };
  for (const [id, region] of collections.regions) {
    if (!region.tile) continue;
    const { row, col } = region.tile;
    const other = cells.get(`${row}:${col}`);
    if (other === undefined) cells.set(`${row}:${col}`, id);
    else
      problems.push({
        file: show(regionsFile),
        field: `${id}.tile`,
        message: `与 ${other} 放在同一格（第 ${row} 行第 ${col} 列）：首页的县区方块图会改为按官方顺序排列，请给其中一个换一个空格`,
        line: regionsText.ok ? lineOfIdRecord(regionsText.text, id) : undefined,
        severity: 'warning',
        code: 'field.invalid',
      });
  }
  return { problems, collections, allowed };
}

/** Checks every entry file on its own (source, photo); the facts of those that passed, for the cross-file rules. */
export async function checkEntryFiles(
  root: string,
  allowed: PublicContacts,
  cwd = process.cwd(),
  memo: PhotoMemo = photoMemo(),
  lists?: RefLists,
  entries: EntryMemo = entryMemo(),
): Promise<{
  problems: Problem[];
  facts: LoadedContent['entries'];
  frontmatters: Map<string, string>;
  files: number;
  /** The stories of the entries that will be published (drafts left out), for the copied-story rule. */
  stories: StoryOf[];
}> {
  const problems: Problem[] = [];
  const photos: Array<{ file: string; line: number | undefined; src: string; path: string }> = [];
  const err = reporter(problems);
  const show = shower(cwd);
  const facts: Array<EntryFacts & { path: string }> = [];
  const frontmatters = new Map<string, string>();
  const stories: StoryOf[] = [];
  const entriesDir = join(root, CONTENT_FILES.entries);
  if (existsSync(entriesDir) && lstatSync(entriesDir).isSymbolicLink()) {
    err(
      'file.symlink',
      show(entriesDir),
      '',
      '条目文件夹是一个链接（快捷方式）：请把条目文件放在内容目录里真正的 entries 文件夹中',
    );
  }
  // A journal the import would refuse must not send the editor to run the import again.
  const journal = readJournal(root, cwd);
  for (const left of importLeftovers(root, cwd)) {
    err(
      'import.leftover',
      left,
      '',
      journal && !journal.ok && left === relative(cwd, join(root, JOURNAL))
        ? journal.message
        : '上次导入被强制结束，这是它留下的文件，内容可能只导入了一半：请再运行一次 npm run content:import -- 表格 --write（会先补完或清理），再检查',
    );
  }
  const lock = importLockProblem(root, cwd);
  if (lock) problems.push(lock);
  const { files, symlinks } = listEntryFiles(entriesDir);
  for (const link of symlinks) {
    err(
      'file.symlink',
      show(link),
      '',
      '这是一个链接（快捷方式），不是文件：内容只能是放在内容目录里的普通文件，请换成文件本身或删除',
    );
  }
  const slugs = new Set(files.map(entryIdFromPath));
  for (const path of files) {
    const file = show(path);
    const read = readContentText(path, ENTRY_FILE_MAX_BYTES);
    if (!read.ok) {
      err('file.unreadable', file, '', read.message);
      continue;
    }
    const name = relative(entriesDir, path);
    const named = `${file}\0${name}`;
    const kept = entries.passed(named, read.text, allowed);
    let checked: EntrySourceCheck;
    /** What the copied-story rule reads of the story. */
    let story: { key: string; line: number } | undefined;
    if (kept) {
      // Passed before as it is now: its front matter is only split again, for the line numbers of later problems.
      checked = { problems: [], frontmatter: splitFrontmatter(read.text)?.frontmatter, entry: kept.entry };
      story = kept.story;
    } else {
      const before = problems.length;
      // A file or folder name becomes a URL, a sitemap line and an open-data row.
      for (const { code, message } of personalDataFindings(name, allowed)) err(code, file, '文件名', message);
      checked = checkEntrySource(read.text, file, allowed);
      for (const problem of checked.problems) problems.push(problem);
      story = checked.story && {
        key: copyKey(checked.story.text, checked.entry?.summary ?? ''),
        line: checked.story.line,
      };
      if (checked.entry && problems.length === before)
        entries.pass(named, read.text, allowed, { entry: checked.entry, story });
    }
    if (checked.frontmatter !== undefined) frontmatters.set(file, checked.frontmatter);
    const entry = checked.entry;
    if (checked.frontmatter === undefined) continue;
    // What could be read of a front matter the schema or the YAML refused: enough for its file name and photo.
    const written = entry ?? (isRecord(checked.data) ? checked.data : {});
    const id = entryIdFromPath(path);
    // The other files' names, copied only for a name that cannot be a URL (a copy per file cost 5 s at 10,000 entries).
    const others = () => {
      const taken = new Set(slugs);
      taken.delete(id);
      return taken;
    };
    const slug = slugPattern.test(id) ? id : expectedSlug(id, hintsOf(written, path, entriesDir, lists), others());
    // The cross-file rules judge the file names of the entries that passed; the others' are judged here.
    if (!entry && !slugPattern.test(id))
      err(
        'file.name',
        file,
        '文件名',
        `文件名 “${id}” 不能作网址（只能用小写拼音、数字和连字符）：${renameHint(slug)}`,
      );
    const photo = isRecord(written.photo) ? written.photo : undefined;
    if (typeof photo?.src === 'string') {
      const line = lineOfField(checked.frontmatter, 'photo.src', 1);
      const pathProblem = photoPathFinding(root, path, photo.src, slug ?? id);
      if (pathProblem) err(problemCode(pathProblem.code, 'photo.path'), file, 'photo.src', pathProblem.message, line);
      else if (entry) photos.push({ file, line, src: photo.src, path: resolve(dirname(path), photo.src) });
    }
    if (!entry) {
      // Its references are judged all the same, so every problem of the file is said in one run.
      if (lists)
        for (const p of refusedEntryRefs(file, written, lists, {
          regions: show(join(root, CONTENT_FILES.regions)),
          titles: show(join(root, CONTENT_FILES.titles)),
          categories: show(join(root, CONTENT_FILES.categories)),
          releases: show(join(root, CONTENT_FILES.releases)),
        }))
          problems.push({ ...p, line: lineOfField(checked.frontmatter, p.field, 1) });
      continue;
    }
    facts.push({ ...entryFacts(id, file, entry), path });
    if (!entry.draft && story) stories.push({ file, name: entry.name, ...story });
  }

  // Four photos at a time: decoding waits on libuv's four threads (25 ms a photo instead of 48 ms
  // one at a time, measured); problems are reported in file order all the same.
  const found = new Map<(typeof photos)[number], PhotoReport>();
  const queue = [...photos];
  const worker = async () => {
    for (let photo = queue.shift(); photo; photo = queue.shift()) {
      const report = memo.passed(photo.path) ? { errors: [], warnings: [] } : await photoReport(photo.path, photo.src);
      // A photo with a warning is looked at again next time, so the warning is not said only once.
      if (!report.errors.length && !report.warnings.length) memo.pass(photo.path);
      found.set(photo, report);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  for (const photo of photos) {
    const report = found.get(photo);
    for (const { code, message } of report?.errors ?? []) err(code, photo.file, 'photo.src', message, photo.line);
    for (const { code, message } of report?.warnings ?? [])
      problems.push({ file: photo.file, field: 'photo.src', message, line: photo.line, severity: 'warning', code });
  }
  memo.save();
  entries.save();

  return { problems, facts, frontmatters, files: files.length, stories };
}

/**
 * Runs every content rule over the content root; never throws on bad content.
 * `memo` remembers photos that passed and `entries` entry files that passed
 * (by default in the root's cache folder, outside the content root).
 */
export async function checkContent(
  root: string,
  cwd = process.cwd(),
  memo: PhotoMemo = photoMemo(resolve(cacheDir(resolve(root)), 'photo-checks.json')),
  entries: EntryMemo = entryMemo(resolve(cacheDir(resolve(root)), 'entry-checks.json'), root),
): Promise<CheckResult> {
  const show = shower(cwd);
  const { problems, collections, allowed } = readCollections(root, cwd);
  const {
    problems: own,
    facts,
    frontmatters,
    files,
    stories,
  } = await checkEntryFiles(root, allowed, cwd, memo, collections, entries);
  for (const problem of own) problems.push(problem);
  for (const problem of copiedStories(stories)) problems.push(problem);
  const cross = validateContent(
    taxonomyOf(collections, (name) => show(join(root, name))),
    facts,
  );
  for (const problem of likelyDuplicates(facts)) cross.push(problem);
  for (const p of cross) {
    const fm = frontmatters.get(p.file);
    if (fm && p.line === undefined) p.line = lineOfField(fm, p.field, 1);
  }
  for (const problem of cross) problems.push(problem);
  return { problems, entries: files, content: { ...collections, entries: facts } };
}
