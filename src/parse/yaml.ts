/**
 * The one YAML reader for content: entry front matter, the collection files
 * (through Astro's `file()` loader), the check and the editors' entry-file
 * writer (src/editor/entry-file.ts, which edits a file from its document) all
 * parse with it, so what the check accepts is exactly what the build reads.
 *
 * YAML is data here. Anchors, aliases and explicit tags are refused: editors
 * have no need for them, and an 8-level alias chain of 600 bytes expands to
 * 9^8 nodes for any walk over the parsed value (it took the old check to
 * 4.4 GB). Sizes are bounded before parsing, so every later scan is linear in
 * a small input.
 */
import { isAlias, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** Upper bounds in bytes (UTF-8) for the texts editors write. */
export const YAML_LIMITS = {
  /** An entry's front matter: fifty honours and sources fit in a tenth of this. */
  frontmatter: 64 * 1024,
  /** A collection file (site, regions, titles, categories, releases). */
  collection: 2 * 1024 * 1024,
} as const;

export interface YamlProblem {
  /** 1-based line within the text given, when known. */
  line?: number;
  /** Plain Chinese: what is wrong and how to fix it. */
  message: string;
}

export type YamlResult = { ok: true; value: unknown } | { ok: false; problems: YamlProblem[] };

/** A checked YAML text as plain data and as the document it was read from (its nodes know their place in the text). */
export type YamlDocumentResult =
  { ok: true; value: unknown; document: Document.Parsed } | { ok: false; problems: YamlProblem[] };

/** Parses a YAML text as plain data (strings, numbers, booleans, lists, maps), or says why not. */
export function parseYamlData(text: string, maxBytes: number = YAML_LIMITS.collection): YamlResult {
  const r = parseYamlDocument(text, maxBytes);
  return r.ok ? { ok: true, value: r.value } : r;
}

/**
 * Parses a YAML text under the same rules as `parseYamlData`, keeping the document: the
 * writer of entry files (src/editor/entry-file.ts) edits a file in place from its nodes.
 */
export function parseYamlDocument(text: string, maxBytes: number = YAML_LIMITS.collection): YamlDocumentResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    return {
      ok: false,
      problems: [
        {
          message: `YAML 内容太长（${Math.ceil(bytes / 1024)} KB，最多 ${maxBytes / 1024} KB），请删减或拆分`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    line: lineAt(e.pos[0]),
    message:
      e.code === 'DUPLICATE_KEY'
        ? 'YAML 中同一个字段写了两次，请删掉重复的一行'
        : `YAML 格式有误（${e.message.split('\n')[0] ?? e.code}），请检查缩进、冒号和引号`,
  }));
  visit(doc, {
    Node(_key, node) {
      if (!isNode(node)) return;
      const line = lineAt(node.range?.[0]);
      if (isAlias(node)) {
        problems.push({ line, message: `不允许使用 YAML 别名（*${node.source}）：请把内容直接写出来` });
        return visit.SKIP;
      }
      if (node.anchor)
        problems.push({ line, message: `不允许使用 YAML 锚点（&${node.anchor}）：请删除 &${node.anchor}` });
      if (node.tag) problems.push({ line, message: `不允许使用 YAML 标记（${node.tag}）：请删除以 ! 开头的标记` });
      return undefined;
    },
  });
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return { ok: true, value: doc.toJS({ maxAliasCount: 0 }) as unknown, document: doc };
}

/** For loaders outside the check (Astro's `file()`): the value, or an error the content gate has already reported. */
export function loadYamlData(text: string): unknown {
  const r = parseYamlData(text);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line ?? ''}: ${p.message}`).join('\n'));
  return r.value;
}
