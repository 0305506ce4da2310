/**
 * The content check: reads a content root from disk, validates every file
 * with the same schemas the site uses, then the cross-collection rules.
 * `npm run content:check` and the build's content gate both call it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import sharp from 'sharp';
import { z } from 'astro/zod';
import { CONTENT_FILES, entryIdFromPath } from './content-root.ts';
import { fieldPath, type Problem } from './problems.ts';
import {
  categorySchema,
  entrySchemaFor,
  regionSchema,
  releaseSchemaFor,
  siteSchema,
  titleSchema,
  type SchemaHelpers,
} from './schema.ts';
import { entryFacts, validateContent, type EntryFacts } from './validate.ts';

/** Outside Astro, photos and references are checked as plain strings. */
export const plainHelpers: SchemaHelpers = {
  image: () => z.string({ error: '照片路径必须是文字，例如 ./zhang-jianguo-yaodu.jpg' }),
  reference: (collection) =>
    z.string({ error: `必须填写 ${collection} 中的某个 id` }).min(1, { error: `必须填写 ${collection} 中的某个 id` }),
};

const entrySchema = entrySchemaFor(plainHelpers);
const releaseSchema = releaseSchemaFor(plainHelpers);

export interface CheckResult {
  problems: Problem[];
  /** Number of entry files read. */
  entries: number;
}

/** Splits an MDX file into its YAML frontmatter and the line the frontmatter starts on. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } | null {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return m ? { frontmatter: m[1] ?? '', body: m[2] ?? '' } : null;
}

/** Best guess at the line of a field in a YAML text: the first line that starts with its top-level key. */
export function lineOfField(source: string, field: string, offset = 0): number | undefined {
  const key = field.split(/[.[]/)[0];
  if (!key) return undefined;
  const lines = source.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? undefined : i + 1 + offset;
}

function listMdx(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.mdx'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** Runs every content rule over the content root; never throws on bad content. */
export async function checkContent(root: string, cwd = process.cwd()): Promise<CheckResult> {
  const problems: Problem[] = [];
  const show = (abs: string) => {
    const rel = relative(cwd, abs);
    return rel.startsWith('..') ? abs : rel;
  };
  const err = (file: string, field: string, message: string, line?: number) =>
    problems.push({ file, field, message, line, severity: 'error' });

  /** Reads a YAML collection file of records with `id`, validating each. */
  function readCollection<T>(name: string, schema: z.ZodType<T>): Map<string, T> {
    const path = join(root, name);
    const out = new Map<string, T>();
    if (!existsSync(path)) {
      err(show(path), '', `找不到文件 ${name}，内容目录 ${show(root)} 中必须有它`);
      return out;
    }
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') {
      err(show(path), '', '文件是空的，内容应是以 “- id: …” 开头的列表，请参照示例内容补全');
      return out;
    }
    let records: unknown;
    try {
      records = loadYaml(text);
    } catch (e) {
      const mark = (e as { mark?: { line?: number } }).mark;
      err(
        show(path),
        '',
        `YAML 格式有误（${(e as Error).message.split('\n')[0]}），请检查缩进和冒号`,
        mark?.line === undefined ? undefined : mark.line + 1,
      );
      return out;
    }
    if (!Array.isArray(records)) {
      err(show(path), '', '文件内容必须是以 “- id: …” 开头的列表');
      return out;
    }
    records.forEach((record: unknown, i) => {
      const r = (record ?? {}) as Record<string, unknown>;
      const id = typeof r.id === 'string' ? r.id : '';
      const lineNo = id ? lineOfIdRecord(text, id) : undefined;
      if (!id) {
        err(show(path), `[${i}].id`, '每一项都必须有 id（小写拼音），请补上');
        return;
      }
      if (out.has(id)) err(show(path), `${id}.id`, `id “${id}” 重复，请改名`, lineNo);
      const { id: _id, ...rest } = r;
      const parsed = schema.safeParse(rest);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          err(show(path), `${id}.${fieldPath(issue.path)}`, issue.message, lineNo);
        return;
      }
      out.set(id, parsed.data);
    });
    return out;
  }

  const site = readCollection(CONTENT_FILES.site, siteSchema);
  if (site.size > 0 && !site.has('site')) {
    err(show(join(root, CONTENT_FILES.site)), 'id', '站点设置的 id 必须是 site');
  }
  const regions = readCollection(CONTENT_FILES.regions, regionSchema);
  const titles = readCollection(CONTENT_FILES.titles, titleSchema);
  const categories = readCollection(CONTENT_FILES.categories, categorySchema);
  const releases = readCollection(CONTENT_FILES.releases, releaseSchema) as Map<
    string,
    { honour: string; date: string }
  >;

  const facts: EntryFacts[] = [];
  const frontmatters = new Map<string, string>();
  const files = listMdx(join(root, CONTENT_FILES.entries));
  for (const path of files) {
    const file = show(path);
    const source = readFileSync(path, 'utf8');
    const split = splitFrontmatter(source);
    if (!split) {
      err(file, '', '文件开头缺少用 --- 包围的资料区（frontmatter），请参照其他条目补上', 1);
      continue;
    }
    let data: unknown;
    try {
      data = loadYaml(split.frontmatter);
    } catch (e) {
      const mark = (e as { mark?: { line?: number } }).mark;
      err(
        file,
        '',
        `资料区 YAML 格式有误（${(e as Error).message.split('\n')[0]}），请检查缩进、冒号和引号`,
        mark?.line === undefined ? undefined : mark.line + 2,
      );
      continue;
    }
    frontmatters.set(file, split.frontmatter);
    const parsed = entrySchema.safeParse(data ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldPath(issue.path);
        err(file, field, issue.message, lineOfField(split.frontmatter, field, 1));
      }
      continue;
    }
    const entry = parsed.data as Record<string, unknown> & { photo?: { src: string } };
    if (entry.photo) {
      const photoPath = resolve(dirname(path), entry.photo.src);
      const line = lineOfField(split.frontmatter, 'photo', 1);
      if (!existsSync(photoPath)) {
        err(file, 'photo.src', `找不到照片文件 ${entry.photo.src}，请把照片放在条目文件旁边并核对文件名`, line);
      } else {
        try {
          await sharp(photoPath).metadata();
        } catch {
          err(file, 'photo.src', `照片 ${entry.photo.src} 无法读取，不是有效的图片，请换成 JPEG 或 PNG 照片`, line);
        }
      }
    }
    const fact = entryFacts(entryIdFromPath(path), file, entry);
    facts.push(fact);
  }

  const cross = validateContent(
    {
      files: {
        regions: show(join(root, CONTENT_FILES.regions)),
        titles: show(join(root, CONTENT_FILES.titles)),
        categories: show(join(root, CONTENT_FILES.categories)),
        releases: show(join(root, CONTENT_FILES.releases)),
      },
      regions: new Set(regions.keys()),
      categories: new Set(categories.keys()),
      titles: new Map([...titles].map(([id, t]) => [id, { forMinors: t.forMinors, name: t.name }])),
      releases: new Map([...releases].map(([id, r]) => [id, { honour: r.honour, date: r.date }])),
    },
    facts,
  );
  for (const p of cross) {
    const fm = frontmatters.get(p.file);
    if (fm && p.line === undefined) p.line = lineOfField(fm, p.field, 1);
  }
  problems.push(...cross);
  return { problems, entries: files.length };
}

function lineOfIdRecord(text: string, id: string): number | undefined {
  const lines = text.split('\n');
  const re = new RegExp(`\\bid:\\s*['"]?${id.replace(/[-]/g, '\\-')}['"]?\\s*[,}]?\\s*`);
  const i = lines.findIndex((l) => re.test(l));
  return i < 0 ? undefined : i + 1;
}
