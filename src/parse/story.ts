/**
 * An entry's story (the MDX body after the front matter) as data, never code.
 *
 * MDX is JavaScript: compiled, a `{…}` expression or an `import` line runs
 * at build time with the build user's rights. So no story is ever compiled.
 * It is parsed with satteri, the Rust MDX parser `@astrojs/mdx` itself uses
 * (pinned at its version), the syntax tree is checked against a small
 * allow-list — Markdown plus the engine's own story components, with literal
 * attribute values — and the engine renders that same tree to HTML, escaping
 * every text. The check and the build call the same function, so what the
 * check passes the build renders, exactly as it was checked.
 *
 * One decision per story, from the parser: a story that parses as MDX is
 * judged on its MDX tree. Everyday text that is not valid MDX (`气温<0度`, a
 * lone `{`, `<!-- 备注 -->`, an autolink `<https://…>`) is parsed as
 * CommonMark instead, where it is text; that path accepts no HTML but comments,
 * which are dropped from the page (docs/editing.md says so).
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent } from 'hast';
import type { Root } from 'mdast';
import { t } from '../strings.ts';

/** Upper bound of a story, in bytes (UTF-8): about 40,000 Chinese characters, several times the longest real story. */
export const STORY_MAX_BYTES = 128 * 1024;
/** Most `<` and `{` a story may hold (a Quote takes two `<`; editors' text a few more). */
export const STORY_MAX_MARKUP = 200;
/** Refusals listed per story; past this, one line says how many more there are. */
const MAX_LISTED = 20;
/** Deepest nesting of lists, quotes and emphasis a story may have (editors never need more than a few). */
export const STORY_MAX_DEPTH = 24;
/*
 * The bounds below keep one story's parse and render within a second and a
 * few hundred MB. Costs measured with scripts/bench/story-cost.ts (satteri's
 * two parsers, then rendering the tree; max RSS of the process, 85 MB empty):
 * - character references: parse time and memory grow with the square of their
 *   number in one paragraph (`&copy;`, `&#0;`, `&#x1F600;` alike). 1,000: 20-45 ms
 *   per parser, 101 MB; 8,000: 0.7-1.3 s, 0.7-1.0 GB; 24,000 `&#0;` (94 KB):
 *   14 s and 18 s, 5.9 GB.
 * - table cells: GFM pads every row to the delimiter row's width, so a 27 KB
 *   story of 6,000 columns × 1,500 short rows is 9 million cells (a 90 MB
 *   page, 3.26 GB in Astro). 2,000 cells (89 columns, 23 rows): 5 ms, 21 KB
 *   of HTML, 88 MB; 5,000 cells (10 × 500): 73 ms + 205 ms to render, 59 KB,
 *   107 MB; a million (2,000 × 500, 9 KB of text): 2 s, 9.8 MB, 460 MB.
 * - list items: rendering a list (mdast-util-to-hast asks every item whether
 *   its list is loose) grows with the square of its items. 1,000 items: 60 ms;
 *   30,000: 4.7 s; 64,000 empty items (`-` lines, 125 KB): 59 s.
 * - nesting across lines stays linear: a list indented 350 levels deep
 *   (121 KB) parses in 19 ms, 60,000 `*` around one word in 140 ms; the judge
 *   refuses such trees (deeper than 2 × STORY_MAX_DEPTH) before rendering,
 *   which would overflow the stack.
 * Tried and linear at 117-141 KB, so left to the byte bound: runs of backticks,
 * `[`, `![`, `*`, `_`, `~~`, unclosed links and titles, 4,000 link reference
 * definitions, 16,000 references, autolinks, e-mail addresses, fences, hard
 * breaks (all under 0.5 s per parser, 220 MB); HTML of many nodes is bounded
 * by STORY_MAX_HTML below.
 */
/** Most cells (columns of the delimiter row × rows, header included) one table may have: a real one is about 10 × 50. */
export const STORY_MAX_TABLE_CELLS = 2_000;
/** Most table cells a story may have in all. */
export const STORY_MAX_CELLS = 5_000;
/** Most character references (`&nbsp;`, `&#123;`, `&#x4E00;`) a story may hold: a real one has a few dozen. */
export const STORY_MAX_CHAR_REFS = 1_000;
/** Most list items a story may have (a real one has a few dozen). */
export const STORY_MAX_LIST_ITEMS = 1_000;
/**
 * Longest HTML a story may render to, in characters: a story of the largest
 * size renders to about 130,000. Within the bounds above, nested quotes still
 * multiply a story's size (a paragraph in 24 quotes: 13 characters of HTML a
 * byte; 12 quotes per line, 109 KB: 1.1 MB of HTML, 0.7 s to render, 284 MB);
 * satteri stops expanding link references at about 300 KB.
 */
export const STORY_MAX_HTML = 1_000_000;

/** One thing wrong with a story. */
export interface StoryProblem {
  /** 1-based line in the file (the story's first line is given to the parser). */
  line: number;
  /** Plain Chinese: what is wrong and how to fix it. */
  message: string;
  /** The problem code (src/rules/problem-codes.ts; this layer cannot import it). */
  code: string;
}

export type ParsedStory =
  { ok: true; tree: Root; syntax: 'mdx' | 'markdown' } | { ok: false; problems: StoryProblem[] };

/** One story component: what an editor may write in its tag and the HTML the engine makes of it. */
export interface StoryComponent {
  /** The attributes its tag may carry, each a literal string. */
  attributes: readonly string[];
  /** Its HTML, from the attributes the tag gave (judged: literal strings, only those above) and its rendered content. */
  render: (attributes: Readonly<Partial<Record<string, string>>>, children: ElementContent[]) => Element;
}

/** The engine's story components by tag name: the only capitalised tags a story may use. */
export type StoryComponents = Readonly<Record<string, StoryComponent>>;

/** `<Quote by="…">`: a quotation, with who said it. */
const quote: StoryComponent = {
  attributes: ['by'],
  render: ({ by }, children) => {
    const content: ElementContent[] = [{ type: 'element', tagName: 'blockquote', properties: {}, children }];
    if (by?.trim()) {
      content.push({
        type: 'element',
        tagName: 'figcaption',
        properties: {},
        children: [{ type: 'text', value: t.entry.quoteBy(by.trim()) }],
      });
    }
    return { type: 'element', tagName: 'figure', properties: { className: ['quote'] }, children: content };
  },
};

export const STORY_COMPONENTS: StoryComponents = { Quote: quote };

/** Link schemes a story may point at. */
const LINK_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);

const FEATURES = { gfm: { footnotes: false }, frontmatter: false } as const;

/** Markdown node types a story may contain, as they are rendered. */
const MARKDOWN_TYPES = new Set([
  'root',
  'paragraph',
  'text',
  'emphasis',
  'strong',
  'delete',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'break',
  'inlineCode',
  'code',
  'table',
  'tableRow',
  'tableCell',
  'link',
  'linkReference',
  'definition',
]);

interface MdxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
/** A node of either syntax as the judge reads it: every field it looks at may be missing. */
interface AnyNode {
  type: string;
  name?: string | null;
  attributes?: MdxAttribute[];
  value?: string;
  url?: string;
  /** A link's title (shown as a tooltip, read by screen readers). */
  title?: string | null;
  /** A code fence's info string: its language and the rest of the line (the language becomes a class). */
  lang?: string | null;
  meta?: string | null;
  depth?: number;
  position?: { start: { line: number }; end?: { line: number } };
  children?: AnyNode[];
}

/** Why a link target is refused, or undefined when it is fine (character references are already decoded). */
export function linkProblem(url: string): string | undefined {
  let scheme: string;
  try {
    scheme = new URL(url.trim()).protocol;
  } catch {
    return `链接地址“${url.slice(0, 60)}”不是完整网址：请写成以 https:// 开头的地址`;
  }
  return LINK_SCHEMES.has(scheme)
    ? undefined
    : `不允许使用 ${scheme} 链接：链接只能以 https://、http://、mailto: 或 tel: 开头`;
}

function describeParseError(message: string): { line: number; col: number; text: string } {
  const m = /^(\d+):(\d+)/.exec(message);
  return {
    line: Number(m?.[1] ?? 1),
    col: Number(m?.[2] ?? 1),
    text: message.replace(/^\d+:\d+(?:-\d+:\d+)?:\s*/, ''),
  };
}

/** Checks a parsed tree against the allow-list; drops HTML comments; returns what is refused. */
function judge(tree: Root, lineOf: (n: AnyNode) => number, components: StoryComponents): StoryProblem[] {
  const problems: StoryProblem[] = [];
  const refuse = (node: AnyNode, code: string, message: string) => problems.push({ line: lineOf(node), code, message });
  // An explicit stack: a hostile story may nest thousands of levels deep.
  const stack: Array<{ node: AnyNode; depth: number }> = [{ node: tree as unknown as AnyNode, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth } = item;
    // Containers are bounded per line before parsing; inline nesting (emphasis in links in lists…) adds a few levels.
    if (depth > 2 * STORY_MAX_DEPTH) {
      refuse(node, 'story.too-large', `正文嵌套太深（列表、引用和强调套了 ${depth} 层）：请简化这一段的格式`);
      continue;
    }
    switch (node.type) {
      case 'mdxjsEsm':
        refuse(
          node,
          'story.import',
          '正文里不允许 import 或 export 语句：网站会自动提供 Quote 等组件，请删除这一行（如果是普通文字，请在行首加一个全角空格）',
        );
        continue;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        refuse(node, 'story.expression', '正文里不允许花括号表达式 { }：如果要显示花括号，请写成 &#123; 和 &#125;');
        continue;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const component = Object.hasOwn(components, name) ? components[name] : undefined;
        if (!component) {
          refuse(
            node,
            name && /^[A-Z]/.test(name) ? 'story.component' : 'story.html',
            name && /^[A-Z]/.test(name)
              ? `不认识的组件 <${name}>：正文只能使用网站提供的组件（${Object.keys(components).join('、')}），请删除或改正`
              : `正文里不允许使用 HTML 标签 <${name}>：请删除；如果要显示 “<”，请写成 &lt;`,
          );
          continue;
        }
        if (node.type === 'mdxJsxTextElement') {
          refuse(node, 'story.component', `<${name}> 必须单独成段：请把它放在单独的一行，前后各空一行`);
          continue;
        }
        for (const a of node.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute') {
            refuse(
              node,
              'story.component',
              `<${name}> 里不允许使用 {…} 写法：只能写 ${component.attributes.map((x) => `${x}="…"`).join(' ')}`,
            );
          } else if (!component.attributes.includes(a.name ?? '')) {
            refuse(
              node,
              'story.component',
              `<${name}> 没有 ${a.name} 这一项：只能写 ${component.attributes.map((x) => `${x}="…"`).join(' ')}`,
            );
          } else if (typeof a.value !== 'string') {
            refuse(node, 'story.component', `<${name}> 的 ${a.name} 必须是用引号括起来的文字，例如 ${a.name}="张三"`);
          }
        }
        break;
      }
      case 'html':
        // Only the CommonMark path has html nodes; comments are editors' notes, anything else is markup.
        if (!/^<!--[\s\S]*-->$/.test((node.value ?? '').trim())) {
          refuse(
            node,
            'story.html',
            `正文里不允许使用 HTML 标签 ${(node.value ?? '').slice(0, 30)}：请删除；如果要显示 “<”，请写成 &lt;`,
          );
        }
        continue;
      case 'image':
      case 'imageReference':
        refuse(node, 'story.image', '正文里不能插入图片：人物照片请写在资料区的 photo 字段，其他图片请删除');
        continue;
      case 'footnoteReference':
      case 'footnoteDefinition':
        refuse(node, 'story.footnote', '正文不支持脚注 [^1]：请把说明直接写进正文，或写在“资料来源”（sources）里');
        continue;
      case 'heading':
        if ((node.depth ?? 1) < 2) {
          refuse(node, 'story.heading', '正文里的标题请用 ## 开头（一级标题是页面上的姓名）');
          continue;
        }
        break;
      case 'link':
      case 'definition': {
        const problem = linkProblem(node.url ?? '');
        if (problem) refuse(node, 'story.link', problem);
        break;
      }
      default:
        if (!MARKDOWN_TYPES.has(node.type)) {
          refuse(node, 'story.unsupported', `正文里不支持这种写法（${node.type}）：请改成普通文字`);
          continue;
        }
    }
    const children = node.children;
    if (children) {
      // Comments are dropped here, so the renderer never sees HTML.
      const kept = children.filter((c) => c.type !== 'html' || !/^<!--[\s\S]*-->$/.test((c.value ?? '').trim()));
      if (kept.length !== children.length) node.children = kept;
      for (const c of kept) stack.push({ node: c, depth: depth + 1 });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length <= MAX_LISTED) return problems;
  const more = problems.length - MAX_LISTED;
  const first = problems.slice(0, MAX_LISTED);
  first.push({
    line: problems[MAX_LISTED]?.line ?? 1,
    code: 'story.too-large',
    message: `后面还有 ${more} 处同类问题：请先改正上面的，再运行检查`,
  });
  return first;
}

/** A character reference as CommonMark reads one: named, decimal or hexadecimal. */
const CHAR_REF = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/g;
/** A table's delimiter row (`|---|:-:|`, `-:`), container markers taken off: dashes, colons, pipes and spaces. */
const DELIMITER_ROW = /^(?=[^-]*-)(?=.*[|:])[ \t|:-]+$/;

/**
 * Bounds checked in one linear pass before parsing. They decide nothing about
 * safety (the tree does); they keep the parse fast, because satteri's time
 * grows with the square of unclosed `<` or `{` and of containers nested on
 * one line (measured here: 40,000 lines of `{` 8 s, 20,000 of `<b>` 3.4 s,
 * 80,000 `- ` on one line 1.5 s, in each syntax), and of character
 * references; and they keep the rendered page small (tables, list items).
 * Each count is an upper bound of what the parser will make of the text.
 */
function resourceProblem(body: string, firstLine: number): StoryProblem | undefined {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > STORY_MAX_BYTES) {
    return {
      line: firstLine,
      code: 'story.too-large',
      message: `正文太长（${Math.ceil(bytes / 1024)} KB，最多 ${STORY_MAX_BYTES / 1024} KB）：请删减，详细材料可放在“资料来源”链接里`,
    };
  }
  let markup = 0;
  for (const c of body) if (c === '<' || c === '{') markup += 1;
  if (markup > STORY_MAX_MARKUP) {
    return {
      line: firstLine,
      code: 'story.too-large',
      message: `正文里的 “<” 和 “{” 太多（${markup} 个，最多 ${STORY_MAX_MARKUP} 个）：要显示这两个符号请写成 &lt; 和 &#123;`,
    };
  }
  const lines = body.split('\n');
  let refs = 0;
  let items = 0;
  let cells = 0;
  /** The table being read: its first line, its columns (the delimiter row's) and rows so far. */
  let table: { line: number; columns: number; rows: number } | undefined;
  for (const [i, line] of lines.entries()) {
    const lineNo = firstLine + i;
    for (const _ of line.matchAll(CHAR_REF)) refs += 1;
    if (refs > STORY_MAX_CHAR_REFS) {
      return {
        line: lineNo,
        code: 'story.too-large',
        message: `正文里的字符引用（&nbsp;、&#123; 这类写法）太多（到这一行已超过 ${STORY_MAX_CHAR_REFS} 个）：请直接写出字符本身，例如把 &nbsp; 换成空格、&copy; 换成 ©（从表格导入的正文，请删减原文里的 * _ | ! 等符号）`,
      };
    }
    // Container markers at the start of a line: > quotes, - * + bullets, 1. 1) numbers.
    let depth = 0;
    let at = 0;
    for (;;) {
      while (line[at] === ' ' || line[at] === '\t') at += 1;
      const c = line[at] ?? '';
      let end = at;
      if ('>*+-'.includes(c) && c !== '') end = at + 1;
      else {
        while (end - at < 9 && /\d/.test(line[end] ?? '')) end += 1;
        if (end === at || (line[end] !== '.' && line[end] !== ')')) break;
        end += 1;
      }
      if (c !== '>' && end < line.length && line[end] !== ' ' && line[end] !== '\t') break;
      depth += 1;
      if (c !== '>') items += 1;
      at = end;
      if (depth > STORY_MAX_DEPTH) {
        return {
          line: lineNo,
          code: 'story.too-large',
          message: `正文嵌套太深（一行里超过 ${STORY_MAX_DEPTH} 层列表或引用）：请简化这一段的格式`,
        };
      }
    }
    if (items > STORY_MAX_LIST_ITEMS) {
      return {
        line: lineNo,
        code: 'story.too-large',
        message: `正文里的列表项太多（到这一行已超过 ${STORY_MAX_LIST_ITEMS} 项）：请把列表改写成几段文字，或删减`,
      };
    }
    // A table runs from its delimiter row to the first blank line (in a quote, a line of only ">");
    // every line until then is a row, each padded or cut to the delimiter row's columns.
    if (table && /^[ \t>]*$/.test(line)) table = undefined;
    else if (table) table.rows += 1;
    else if (DELIMITER_ROW.test(line.slice(at))) {
      // Every cell of the delimiter row has a dash: the runs of dashes are at least its columns.
      table = { line: Math.max(firstLine, lineNo - 1), columns: line.match(/-+/g)?.length ?? 0, rows: 1 };
    } else continue;
    if (!table) continue;
    // The header row and the rows so far, counted as the table grows (so its cells can never run ahead).
    const size = table.columns * table.rows;
    if (size > STORY_MAX_TABLE_CELLS) {
      return {
        line: table.line,
        code: 'story.too-large',
        message: `这一行开始的表格太大（${table.columns} 列，到第 ${lineNo} 行已有 ${size} 格，每个表格最多 ${STORY_MAX_TABLE_CELLS} 格；列数以 |---| 分隔行为准，较短的行也按这么多列显示）：请拆成几个小表格，或改用文字叙述`,
      };
    }
    cells += table.columns;
    if (cells > STORY_MAX_CELLS) {
      return {
        line: lineNo,
        code: 'story.too-large',
        message: `正文里的表格一共太大（到这一行已有 ${cells} 格，全文最多 ${STORY_MAX_CELLS} 格）：请删减表格，或改用文字叙述`,
      };
    }
  }
  return undefined;
}

/** Longest a text may become in HTML: each `&`, `<`, `>`, `"` or `'` escaped as up to six characters (`&#x26;`). */
function escapedBound(text: string): number {
  let specials = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || c === 34 || c === 39) specials += 1;
  }
  return text.length + 5 * specials;
}

/** Tags, a line break and attribute names of one element, at most (`<pre><code class="language-…"></code></pre>\n`). */
const ELEMENT_BOUND = 64;

/**
 * An upper bound of the length of a judged tree's HTML, without rendering it:
 * the check judges every story and renders none (rendering is as slow as
 * parsing, 0.9 ms for a story of 3 KB), yet what it passes must render within
 * STORY_MAX_HTML. Addresses count nine times (a Chinese character becomes
 * `%E5%A5%BD`); a link reference counts its definition's address each time.
 */
export function renderedSizeBound(tree: Root): number {
  let size = 0;
  let longest = 0;
  const definitions = new Map<string, number>();
  const references = new Map<string, number>();
  const stack: AnyNode[] = [tree as unknown as AnyNode];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const n = node as AnyNode & {
      identifier?: string;
      title?: string | null;
      lang?: string | null;
      meta?: string | null;
      align?: unknown[] | null;
    };
    size += (n.type === 'text' ? 0 : ELEMENT_BOUND) + escapedBound(n.value ?? '');
    size += escapedBound(n.lang ?? '') + escapedBound(n.meta ?? '');
    for (const a of n.attributes ?? []) if (typeof a.value === 'string') size += ELEMENT_BOUND + escapedBound(a.value);
    const target = 9 * (n.url?.length ?? 0) + escapedBound(n.title ?? '');
    if (n.type === 'definition' && n.identifier !== undefined) {
      definitions.set(n.identifier, Math.max(definitions.get(n.identifier) ?? 0, target));
      longest = Math.max(longest, target);
    } else if (n.type === 'linkReference' && n.identifier !== undefined) {
      references.set(n.identifier, (references.get(n.identifier) ?? 0) + 1);
    } else size += target;
    // A table's every row is rendered with as many cells as it has columns, short rows padded.
    if (n.type === 'table') size += ELEMENT_BOUND * (n.align?.length ?? 0) * (n.children?.length ?? 0);
    for (const c of n.children ?? []) stack.push(c);
  }
  for (const [id, uses] of references) size += uses * (definitions.get(id) ?? longest);
  return size;
}

/** The refusal of a story whose HTML is, or may be, longer than STORY_MAX_HTML. */
function tooLargeHtml(line: number): StoryProblem {
  return {
    line,
    code: 'story.too-large',
    message: `正文排版后太大（超过 ${STORY_MAX_HTML / 10_000} 万个字符）：请减少表格、列表、多层引用，或反复出现的长链接`,
  };
}

/**
 * Parses and judges a story. `firstLine` is the story's first line in its file,
 * so every problem names the line an editor sees; `components` are the tags it may use.
 */
export function parseStory(body: string, firstLine = 1, components: StoryComponents = STORY_COMPONENTS): ParsedStory {
  const tooMuch = resourceProblem(body, firstLine);
  if (tooMuch) return { ok: false, problems: [tooMuch] };
  const lineOf = (n: AnyNode) => (n.position?.start.line ?? 1) + firstLine - 1;
  let mdxError: string | undefined;
  try {
    const tree = mdxToMdast(body, { features: FEATURES }) as unknown as Root;
    const problems = judge(tree, lineOf, components);
    if (!problems.length && renderedSizeBound(tree) > STORY_MAX_HTML) problems.push(tooLargeHtml(firstLine));
    return problems.length ? { ok: false, problems } : { ok: true, tree, syntax: 'mdx' };
  } catch (e) {
    mdxError = (e as Error).message;
  }
  // Not MDX: read it as CommonMark, where `<0度` and a lone `{` are text.
  const tree = markdownToMdast(body, { features: FEATURES }) as unknown as Root;
  const problems = judge(tree, lineOf, components);
  if (problems.length === 0) {
    if (renderedSizeBound(tree) > STORY_MAX_HTML) return { ok: false, problems: [tooLargeHtml(firstLine)] };
    return { ok: true, tree, syntax: 'markdown' };
  }
  // It has markup, so it was meant as MDX: the MDX error says where it broke.
  const where = describeParseError(mdxError);
  const usesComponent = problems.some((p) => /<[A-Z]/.test(p.message));
  if (usesComponent) {
    return {
      ok: false,
      problems: [
        {
          line: where.line + firstLine - 1,
          code: 'story.unparsable',
          message: `第 ${where.col} 个字符附近无法解析（${where.text.slice(0, 80)}）：使用 <Quote> 等组件的正文里，“<”“{”要写成 &lt; 和 &#123;，备注 <!-- --> 请删除，组件要成对写完整`,
        },
      ],
    };
  }
  return { ok: false, problems };
}

/** Block nodes whose text a reader reads as one run (a number split by emphasis or a line break stays one number). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code']);

/**
 * The text a reader sees of a judged story, one item per block with its line
 * in the file: text and code joined across inline markup, link targets
 * (marked `url`) and titles, code fences' info strings, and the components'
 * attribute values. Used by the privacy scan.
 */
export function storyText(tree: Root, firstLine = 1): Array<{ line: number; text: string; url?: true }> {
  const out: Array<{ line: number; text: string; url?: true }> = [];
  const lineOf = (n: AnyNode) => (n.position?.start.line ?? 1) + firstLine - 1;
  const shownAfter = new WeakSet<object>();
  const textOf = (n: AnyNode): string => {
    const own = n.type === 'text' || n.type === 'inlineCode' || n.type === 'code' ? (n.value ?? '') : '';
    const children = n.children ?? [];
    return own + children.map(textOf).join('');
  };
  const stack: AnyNode[] = [tree as unknown as AnyNode];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.url) out.push({ line: lineOf(node), text: node.url, url: true });
    // Text a story puts in attributes of the page: a link's title, a code fence's language and its line.
    for (const text of [node.title, node.lang, node.meta]) if (text) out.push({ line: lineOf(node), text });
    // A component's attributes show after its content (a Quote's `by` under the quotation): read there,
    // so a number split between the two is read in the page's order.
    const end = (node.position?.end?.line ?? node.position?.start.line ?? 1) + firstLine - 1;
    for (const a of node.attributes ?? [])
      if (typeof a.value === 'string') {
        const item = { line: end, text: a.value };
        shownAfter.add(item);
        out.push(item);
      }
    if (TEXT_BLOCKS.has(node.type)) {
      out.push({ line: lineOf(node), text: textOf(node) });
      const links = [] as AnyNode[];
      const inner = [...(node.children ?? [])];
      for (let c = inner.pop(); c; c = inner.pop()) {
        if (c.url) links.push(c);
        for (const child of c.children ?? []) inner.push(child);
      }
      for (const l of links) {
        out.push({ line: lineOf(l), text: l.url ?? '', url: true });
        if (l.title) out.push({ line: lineOf(l), text: l.title });
      }
      continue;
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return out.sort((a, b) => a.line - b.line || Number(shownAfter.has(a)) - Number(shownAfter.has(b)));
}

/** HTML of a judged story tree: every text escaped, no raw HTML, each component by its own handler. */
export function storyHtml(tree: Root, components: StoryComponents = STORY_COMPONENTS): string {
  const component: Handler = (state: State, node: AnyNode) => {
    const name = node.name ?? '';
    const c = Object.hasOwn(components, name) ? components[name] : undefined;
    if (!c) throw new Error(`story: unexpected component <${name}> after judging`);
    const attributes: Partial<Record<string, string>> = {};
    for (const a of node.attributes ?? []) if (a.name && typeof a.value === 'string') attributes[a.name] = a.value;
    return c.render(attributes, state.all(node as unknown as Parameters<State['all']>[0]));
  };
  const hast = toHast(tree, {
    handlers: { mdxJsxFlowElement: component },
    unknownHandler: (_state, node: { type: string }) => {
      throw new Error(`story: unexpected ${node.type} after judging`);
    },
  });
  return toHtml(hast);
}

/** Parses, judges and renders a story: the build's path, and the check's. */
export function renderStory(
  body: string,
  firstLine = 1,
  components: StoryComponents = STORY_COMPONENTS,
): { ok: true; html: string } | { ok: false; problems: StoryProblem[] } {
  const parsed = parseStory(body, firstLine, components);
  if (!parsed.ok) return parsed;
  const html = storyHtml(parsed.tree, components);
  // The last line: the bound parseStory judged by holds for the engine's components; a page never
  // carries more, whatever a component (or a bound's mistake) makes of a story.
  if (html.length > STORY_MAX_HTML) return { ok: false, problems: [tooLargeHtml(firstLine)] };
  return { ok: true, html };
}
