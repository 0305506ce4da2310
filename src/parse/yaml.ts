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
import { yamlCauses } from './yaml-causes.ts';

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
  /** The problem code (src/rules/problem-codes.ts; this layer cannot import it). */
  code: string;
}

/**
 * A refused text's problems; `partial` is what the parser made of it anyway (no aliases
 * expanded), for checks that do not need the broken part (a photo's file, the file's name).
 */
export type YamlFailure = { ok: false; problems: YamlProblem[]; partial?: unknown };

export type YamlResult = { ok: true; value: unknown } | YamlFailure;

/** A checked YAML text as plain data and as the document it was read from (its nodes know their place in the text). */
export type YamlDocumentResult = { ok: true; value: unknown; document: Document.Parsed } | YamlFailure;

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
          code: 'file.unreadable',
          message: `YAML 内容太长（${Math.ceil(bytes / 1024)} KB，最多 ${maxBytes / 1024} KB），请删减或拆分`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const problems = syntaxProblems(text, doc.errors, lineAt);
  visit(doc, {
    Node(_key, node) {
      if (!isNode(node)) return;
      const line = lineAt(node.range?.[0]);
      if (isAlias(node)) {
        problems.push({
          line,
          code: 'yaml.alias',
          message: `不允许使用 YAML 别名（*${node.source}）：请把内容直接写出来`,
        });
        return visit.SKIP;
      }
      if (node.anchor)
        problems.push({
          line,
          code: 'yaml.alias',
          message: `不允许使用 YAML 锚点（&${node.anchor}）：请删除 &${node.anchor}`,
        });
      if (node.tag)
        problems.push({
          line,
          code: 'yaml.alias',
          message: `不允许使用 YAML 标记（${node.tag}）：请删除以 ! 开头的标记`,
        });
      return undefined;
    },
  });
  if (problems.length) {
    const refused = { ok: false as const, problems: listed(problems) };
    if (problems.some((p) => p.message.includes('别名'))) return refused;
    // The rest of the text, the lines named blanked out: what the checks that do not need them read.
    const named = new Set(problems.map((p) => p.line));
    const rest = text
      .split('\n')
      .map((line, i) => (named.has(i + 1) ? '' : line))
      .join('\n');
    try {
      return { ...refused, partial: parseDocument(rest, { uniqueKeys: false }).toJS({ maxAliasCount: 0 }) as unknown };
    } catch {
      return refused;
    }
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 0 }) as unknown, document: doc };
}

/** YAML problems listed in full; past this, one line says how many more there are. */
const YAML_LISTED = 20;

/**
 * Problems in line order, each (line, message) once, the first YAML_LISTED of them and a count:
 * a front matter of nested aliases named the same alias hundreds of times.
 */
function listed(problems: YamlProblem[]): YamlProblem[] {
  const seen = new Set<string>();
  const once = problems
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .filter((p) => {
      const key = `${p.line ?? ''}\0${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (once.length <= YAML_LISTED) return once;
  return [
    ...once.slice(0, YAML_LISTED),
    {
      line: once[YAML_LISTED]?.line,
      // The code of the first problem not listed: the guide's row for it says what to do.
      code: once[YAML_LISTED]?.code ?? 'yaml.syntax',
      message: `后面还有 ${once.length - YAML_LISTED} 处 YAML 问题：请先改正上面的，再运行检查`,
    },
  ];
}

/** Parser errors that mean the text's layout is broken, which a cause found on a line explains. */
const LAYOUT_ERRORS = new Set([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'TAB_AS_INDENT',
  'UNEXPECTED_TOKEN',
  'BAD_SCALAR_START',
]);

/**
 * Every syntax problem of a text in plain Chinese: the likely cause of each
 * mistake on its own line (src/parse/yaml-causes.ts), and the parser's other
 * errors worded by their code; never the parser's English.
 */
function syntaxProblems(
  text: string,
  errors: ReadonlyArray<{ code: string; pos: [number, number] }>,
  lineAt: (offset: number | undefined) => number | undefined,
): YamlProblem[] {
  const found = errors.map((e) => ({ code: e.code, line: lineAt(e.pos[0]) }));
  const layout = found.filter((e) => LAYOUT_ERRORS.has(e.code));
  const lastLayout = Math.max(0, ...layout.map((e) => e.line ?? 0));
  // A cause that is only likely (an unclosed quote, an indentation out of step) is named where the parser failed.
  const causes = yamlCauses(text).filter((c) => c.certain || (layout.length > 0 && c.line <= lastLayout + 1));
  const problems: YamlProblem[] = causes.map((c) => ({
    line: c.line,
    code: c.code,
    message: `YAML 格式有误：${c.message}`,
  }));
  for (const e of found) {
    if (e.code === 'DUPLICATE_KEY') {
      problems.push({
        line: e.line,
        code: 'yaml.duplicate-key',
        message: 'YAML 中同一个字段写了两次，请删掉重复的一行',
      });
      continue;
    }
    // The parser's error after a cause found above it is that cause's echo.
    if (LAYOUT_ERRORS.has(e.code) && causes.some((c) => c.line <= (e.line ?? 0) + 1)) continue;
    const message =
      e.code === 'TAB_AS_INDENT'
        ? '这一行用了 Tab 键缩进，YAML 只能用空格缩进：请把 Tab 换成空格'
        : e.code === 'MISSING_CHAR'
          ? '引号没有配对：请检查这一行和上面几行的值，开头的 " 或 \' 在末尾也要有一个'
          : '这一行（或上一行）的格式不对：请检查缩进是否用空格对齐、字段名后是否是英文冒号加一个空格、引号是否配对';
    if (!problems.some((p) => p.line === e.line && p.message.endsWith(message)))
      problems.push({
        line: e.line,
        code:
          e.code === 'TAB_AS_INDENT' ? 'yaml.tab' : e.code === 'MISSING_CHAR' ? 'yaml.unclosed-quote' : 'yaml.syntax',
        message: `YAML 格式有误：${message}`,
      });
  }
  return problems;
}

/** For loaders outside the check (Astro's `file()`): the value, or an error the content gate has already reported. */
export function loadYamlData(text: string): unknown {
  const r = parseYamlData(text);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line ?? ''}: ${p.message}`).join('\n'));
  return r.value;
}
