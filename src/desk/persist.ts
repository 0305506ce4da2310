/**
 * Saving an entry from the desk. Decap sends the whole file as it would write it (its own YAML of
 * the form's values, then the story); the desk never writes that text. It reads the values out of
 * it, merges them into the entry's file through the writer `content:new` and `content:import` use
 * (src/editor/entry-file.ts: only changed values are rewritten, every other byte stays), replaces
 * the story only when it changed, names the photo `<slug>.jpg`, and then runs the rules of
 * `content:check` on the result (the entry's own check, the cross-file rules against every other
 * entry, the photo) BEFORE anything is written. A refused save says what the check says.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkEntrySource, taxonomyOf } from '../editor/check.ts';
import { editEntryFile, renderEntryFile } from '../editor/entry-file.ts';
import { importLockProblem } from '../editor/import-write.ts';
import { personalDataFindings } from '../editor/personal-data.ts';
import { photoReport } from '../editor/photo-check.ts';
import { copiedStories, copyKey } from '../editor/unfinished.ts';
import {
  entryFacts,
  likelyDuplicates,
  refusedEntryRefs,
  validateContent,
  type EntryFacts,
} from '../editor/validate.ts';
import { lineOfField } from '../editor/yaml-lines.ts';
import { CONTENT_FILES, entryIdFromPath } from '../model/content-root.ts';
import { ENTRY_FIELDS, isEntryField } from '../model/entry-fields.ts';
import { KINDS, slugPattern, type Kind } from '../model/schema.ts';
import { slugFor } from '../model/slug.ts';
import { photoPathFinding } from '../parse/content-files.ts';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import { parseYamlData, YAML_LIMITS } from '../parse/yaml.ts';
import type { Problem } from '../rules/problems.ts';
import type { StoryOf } from '../editor/unfinished.ts';
import { judgePath } from './guard.ts';
import { judgeUpload } from './media.ts';
import type { ContentStore, EntryState } from './store.ts';

/** One file a save writes (absolute path inside the root). */
export interface Write {
  abs: string;
  bytes: string | Uint8Array;
}

/** What a save asks for: the entry's path relative to the root, Decap's text of it, and its uploads. */
export interface SaveRequest {
  /** Decap's "new entry": the file must not exist yet (a new person never overwrites another's file). */
  newEntry?: boolean;
  path: string;
  raw: string;
  assets: ReadonlyArray<{ path: string; bytes: Uint8Array }>;
}

/** A save the check passed: what to write and remove, and who it is about (for the commit). */
export interface SavePlan {
  ok: true;
  entry: string;
  writes: Write[];
  /** Files the save removes (a photo renamed or dropped). */
  removes: string[];
  /** The entry's photo when the save leaves its file as it is (committed with the entry, should it be new to git). */
  photo?: string;
  isNew: boolean;
  name: string;
  /** The region's Chinese name (its id when unknown). */
  regionName: string;
  /** The check's warnings (likely duplicates, screenshots): the save goes ahead. */
  warnings: Problem[];
}

/** A refused save. */
export interface SaveRefusal {
  ok: false;
  status: 403 | 422;
  error: string;
  problems: Problem[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Decap's values as the files keep them: helper fields (`_slug`) dropped, and empty values
 * ('' and null, and lists and records left empty by them) removed at every level, as a form
 * leaves a field it was not given.
 */
export function cleanData(value: unknown, top = true): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => cleanData(v, false)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (top && k.startsWith('_')) continue;
      const c = cleanData(v, false);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length || top ? out : undefined;
  }
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

/** A field's Chinese name for the summary of a refusal: `honours[0].title` → 荣誉 第 1 项 荣誉称号. */
export function fieldLabel(field: string): string {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?/.exec(field);
  const top = m?.[1] ?? '';
  if (!m || !isEntryField(top)) return field || '整个文件';
  const info = ENTRY_FIELDS[top] as { label: string; parts?: Record<string, { label: string }> };
  const item = m[2] === undefined ? '' : ` 第 ${Number(m[2]) + 1} 项`;
  const part = m[3] && info.parts?.[m[3]] ? ` ${info.parts[m[3]]?.label}` : '';
  return `${info.label}${item}${part}`;
}

/** The toast's one line: how many problems, and the first one in full (the panel lists them all). */
export function refusalSummary(errors: readonly Problem[]): string {
  const first = errors[0];
  if (!first) return '没有保存';
  const more = errors.length > 1 ? `（共 ${errors.length} 个问题，见问题列表）` : '';
  return `没有保存：${fieldLabel(first.field)} — ${first.message}${more}`;
}

/** A photo problem of the entry `file`. */
const problemOf = (file: string, severity: Problem['severity'], code: Problem['code'], message: string): Problem => ({
  file,
  field: 'photo.src',
  message,
  severity,
  code,
});

function refuse(problems: Problem[], status: 403 | 422 = 422, error?: string): SaveRefusal {
  const errors = problems.filter((p) => p.severity === 'error');
  return { ok: false, status, error: error ?? refusalSummary(errors), problems };
}

/** Whether the root keeps entries flat in `entries/` (no county folders): a small root such as a test fixture. */
export function isFlatRoot(root: string): boolean {
  const dir = join(root, CONTENT_FILES.entries);
  try {
    const names = readdirSync(dir, { withFileTypes: true });
    return names.some((d) => d.isFile() && d.name.endsWith('.mdx')) && !names.some((d) => d.isDirectory());
  } catch {
    return false;
  }
}

/** Where a new entry of `slug` in `region` goes, relative to the root: `entries/<region>/<slug>.mdx` (flat root: `entries/<slug>.mdx`). */
export function entryPathFor(root: string, region: string, slug: string): string {
  return isFlatRoot(root) ? `entries/${slug}.mdx` : `entries/${region}/${slug}.mdx`;
}

/** Every slug and former slug in use (what a new slug must not be). */
export function takenSlugs(entries: readonly EntryState[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.facts ? [e.facts.id, ...e.facts.formerSlugs] : [entryIdFromPath(e.path)])));
}

/** The slug a new entry of this name gets (content:new's rule): pinyin plus region, a number only when taken. */
export function newSlug(name: string, kind: Kind, region: string, entries: readonly EntryState[]): string {
  return slugFor(name, kind, region, takenSlugs(entries));
}

/** Problems keyed for comparing two runs of the cross-file rules. */
const keyOf = (p: Problem) => `${p.file}\u0000${p.field}\u0000${p.code}\u0000${p.message}`;

/** The cross-file rules of content:check over `facts` (in file order) and the stories. */
function crossProblems(
  store: ContentStore,
  facts: ReadonlyArray<EntryFacts & { path: string }>,
  stories: readonly StoryOf[],
): Problem[] {
  const { collections } = store.collections();
  const tax = taxonomyOf(collections, (name) => store.show(join(store.root, name)));
  return [...copiedStories(stories), ...validateContent(tax, facts), ...likelyDuplicates(facts)];
}

/** The story part of an entry file's text replaced by `body`, keeping the blank line after `---` as the file had it. */
function withBody(text: string, body: string): string {
  const split = splitFrontmatter(text);
  if (!split) return text;
  const head = text.slice(0, text.length - split.body.length);
  const gap = /^\r?\n/.exec(split.body)?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const story = body.replace(/^\s*\n/, '').trimEnd();
  return `${head}${gap}${eol === '\r\n' ? story.replace(/\r?\n/g, '\r\n') : story}${eol}`;
}

/** Whether two stories say the same (line endings and surrounding blank space aside). */
const sameStory = (a: string, b: string) => a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim();

/**
 * Plans a save: parses Decap's text, merges it into the file, handles the photo, runs the
 * check's rules. Nothing is written here; the caller writes the plan's files when it passed.
 */
export async function planSave(store: ContentStore, req: SaveRequest): Promise<SavePlan | SaveRefusal> {
  const root = store.root;
  const judged = judgePath(root, req.path);
  if (!judged.ok || !req.path.endsWith('.mdx')) {
    return refuse([], 403, judged.ok ? '只能保存条目文件（.mdx），已拒绝' : judged.message);
  }
  const abs = judged.abs;
  const file = store.show(abs);
  const { collections, allowed } = store.collections();
  const lock = importLockProblem(root, store.cwd);
  if (lock && lock.severity === 'error') return refuse([lock]);

  // Decap's text, read as the check reads a file.
  const split = splitFrontmatter(req.raw);
  const yaml = split ? parseYamlData(split.frontmatter, YAML_LIMITS.frontmatter) : undefined;
  if (!split || !yaml?.ok || !isRecord(yaml.value)) {
    const problems = checkEntrySource(req.raw, file, allowed).problems;
    return refuse(
      problems.length
        ? problems
        : [{ file, field: '', message: '资料区不是“字段: 内容”的形式', severity: 'error', code: 'field.invalid' }],
    );
  }
  const data = cleanData(yaml.value) as Record<string, unknown>;
  // 移除图片 empties the photo but leaves its caption: a caption of no photo is dropped with it.
  if (isRecord(data.photo) && data.photo.src === undefined) delete data.photo;
  const body = split.body;

  const original = store.read(abs);
  const isNew = !original;
  if (req.newEntry && original)
    return refuse([
      {
        file,
        field: '文件名',
        message: `已有文件 ${req.path}（${store.show(abs)}），新条目不会覆盖它：请关闭这一页，重新“新建”一次（编辑台会起一个新的文件名）`,
        severity: 'error',
        code: 'file.name-taken',
      },
    ]);
  const entries = store.entries(allowed);
  const others = entries.filter((e) => e.path !== abs);
  const name = typeof data.name === 'string' ? data.name : '';
  const region = typeof data.region === 'string' ? data.region : '';
  const slug = basename(abs, '.mdx');
  const pathProblems: Problem[] = [];
  if (isNew) {
    // A new entry goes where the roll expects it, under the slug content:new would give it.
    const kind: Kind = (KINDS as readonly unknown[]).includes(data.kind) ? (data.kind as Kind) : 'person';
    if (name && slugPattern.test(region) && collections.regions.has(region)) {
      const expected = newSlug(name, kind, region, others);
      const wanted = entryPathFor(root, region, expected);
      if (req.path !== wanted)
        pathProblems.push({
          file,
          field: '文件名',
          message: `新条目应保存为 ${wanted}（姓名拼音加地区 id），编辑台收到的是 ${req.path}：请重新打开“新建”再保存一次`,
          severity: 'error',
          code: 'file.name',
        });
    }
  }

  // The photo: an upload (or a file persistMedia put beside the entry) becomes `<slug>.<ext>` beside it.
  const writes: Write[] = [];
  const removes: string[] = [];
  const photoProblems: Problem[] = [];
  const before = original ? splitFrontmatter(original.bytes.toString('utf8')) : null;
  const beforeData = before ? parseYamlData(before.frontmatter, YAML_LIMITS.frontmatter) : undefined;
  const oldPhoto =
    beforeData?.ok && isRecord(beforeData.value) && isRecord(beforeData.value.photo)
      ? beforeData.value.photo.src
      : undefined;
  const oldPhotoPath =
    typeof oldPhoto === 'string' && /^\.\/[^/\\]+$/.test(oldPhoto) ? join(dirname(abs), oldPhoto.slice(2)) : undefined;
  const photo = isRecord(data.photo) ? data.photo : undefined;
  const src = typeof photo?.src === 'string' ? photo.src : undefined;
  let photoFile: string | undefined;
  if (photo && src !== undefined) {
    let wantedName: string;
    try {
      wantedName = basename(decodeURIComponent(src));
    } catch {
      wantedName = basename(src);
    }
    const asset = [...req.assets].reverse().find((a) => basename(a.path) === wantedName);
    const beside = judgePath(
      root,
      relative(root, join(dirname(abs), wantedName))
        .split(/[\\/]/)
        .join('/'),
    );
    const existing = !asset && beside.ok ? store.read(beside.abs) : undefined;
    // A photo the entry already had, under whatever name, stays as it is: other entries may share its file.
    const named = ['jpg', 'png', 'webp'].some((ext) => src === `./${slug}.${ext}`) || src === oldPhoto;
    if (asset || (existing && !named)) {
      const bytes = asset?.bytes ?? existing?.bytes ?? new Uint8Array();
      const upload = await judgeUpload(bytes, asset ? asset.path : wantedName, slug, file);
      for (const p of upload.problems) photoProblems.push(p);
      if (upload.name) {
        const target = join(dirname(abs), upload.name);
        photo.src = `./${upload.name}`;
        writes.push({ abs: target, bytes });
        photoFile = target;
      }
    } else {
      // A photo already beside the entry (or a name that is none): checked as content:check checks it.
      const finding = photoPathFinding(root, abs, src, slug);
      if (finding) photoProblems.push(problemOf(file, 'error', finding.code as Problem['code'], finding.message));
      else if (beside.ok) {
        const report = await photoReport(beside.abs, src);
        for (const f of report.errors) photoProblems.push(problemOf(file, 'error', f.code, f.message));
        for (const f of report.warnings) photoProblems.push(problemOf(file, 'warning', f.code, f.message));
        photoFile = beside.abs;
      }
    }
  }
  // The entry's own photo (named by its slug), when it no longer names it, is removed with the save (git keeps it in
  // the history); a photo of another name may be another entry's too, and an upload left beside is not published.
  const ownsOld =
    oldPhotoPath !== undefined &&
    /^(jpg|png|webp)$/.test(basename(oldPhotoPath).slice(slug.length + 1)) &&
    basename(oldPhotoPath).startsWith(`${slug}.`);
  if (oldPhotoPath && ownsOld && oldPhotoPath !== photoFile && existsSync(oldPhotoPath)) {
    const j = judgePath(root, relative(root, oldPhotoPath).split(/[\\/]/).join('/'));
    if (j.ok) removes.push(j.abs);
  }

  // The file as it will be written.
  let text: string;
  if (original) {
    const source = original.bytes.toString('utf8');
    try {
      text = editEntryFile(source, data);
    } catch {
      const problems = checkEntrySource(source, file, allowed).problems.filter((p) => p.severity === 'error');
      return refuse(
        problems.length
          ? problems
          : [
              {
                file,
                field: '',
                message:
                  '这个文件的资料区读不了，编辑台不能修改它：请在文本编辑器里按 npm run content:check 的提示改好',
                severity: 'error',
                code: 'yaml.syntax',
              },
            ],
      );
    }
    const oldBody = before?.body ?? '';
    if (!sameStory(oldBody, body)) text = withBody(text, body);
  } else {
    text = renderEntryFile(data, body);
  }

  // The rules of content:check, on the file as it will be.
  const checked = checkEntrySource(text, file, allowed);
  const own: Problem[] = [...pathProblems, ...checked.problems, ...photoProblems];
  for (const { code, message } of personalDataFindings(relative(join(root, CONTENT_FILES.entries), abs), allowed))
    own.push({ file, field: '文件名', message, severity: 'error', code });
  const added: Problem[] = [];
  if (checked.entry) {
    const id = entryIdFromPath(abs);
    const facts = { ...entryFacts(id, file, checked.entry), path: abs };
    const story: StoryOf | undefined =
      !checked.entry.draft && checked.story
        ? {
            file,
            name: checked.entry.name,
            line: checked.story.line,
            key: copyKey(checked.story.text, checked.entry.summary),
          }
        : undefined;
    const now: EntryState = { path: abs, facts, story };
    const was = entries.find((e) => e.path === abs);
    const list = (mine: EntryState | undefined) =>
      [...others, ...(mine ? [mine] : [])].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const run = (mine: EntryState | undefined) => {
      const all = list(mine);
      return crossProblems(
        store,
        all.flatMap((e) => (e.facts ? [e.facts] : [])),
        all.flatMap((e) => (e.story ? [e.story] : [])),
      );
    };
    const earlier = new Set(run(was).map(keyOf));
    for (const p of run(now)) {
      if (p.file === file) {
        own.push({
          ...p,
          line: p.line ?? (checked.frontmatter ? lineOfField(checked.frontmatter, p.field, 1) : undefined),
        });
      } else if (!earlier.has(keyOf(p))) added.push(p);
    }
  } else {
    const files = {
      regions: store.show(join(root, CONTENT_FILES.regions)),
      titles: store.show(join(root, CONTENT_FILES.titles)),
      categories: store.show(join(root, CONTENT_FILES.categories)),
      releases: store.show(join(root, CONTENT_FILES.releases)),
    };
    const written = isRecord(checked.data) ? checked.data : data;
    for (const p of refusedEntryRefs(file, written, collections, files))
      own.push({ ...p, line: checked.frontmatter ? lineOfField(checked.frontmatter, p.field, 1) : undefined });
  }
  const problems = [...own, ...added];
  if (problems.some((p) => p.severity === 'error')) return refuse(problems);

  if (!original || !isDeepStrictEqual(Buffer.from(text, 'utf8'), original.bytes)) writes.unshift({ abs, bytes: text });
  const regionName = collections.regions.get(checked.entry?.region ?? region)?.name ?? region;
  return {
    ok: true,
    entry: abs,
    writes,
    removes,
    photo: photoFile,
    isNew,
    name: checked.entry?.name ?? name,
    regionName,
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}
