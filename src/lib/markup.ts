/**
 * Markup an entry's MDX story must not carry: executable or embedded content
 * (script, iframe, style, object, embed), event-handler attributes,
 * javascript: URLs, and imports or exports of code from anywhere but the
 * site's own component folder. MDX runs imports at build time, so an
 * editor's file must not be able to pull in arbitrary code.
 */

export interface MarkupHit {
  /** 1-based line within the text given. */
  line: number;
  /** What was found, as written (shortened). */
  match: string;
  message: string;
}

/** The only place an entry may import components from. */
export const COMPONENT_IMPORT = /^(?:\.\.\/)+(?:[\w-]+\/)*src\/components\/[A-Z][\w]*\.astro$/;

const RULES: Array<{ re: RegExp; message: (m: string) => string }> = [
  {
    re: /<\s*(script|iframe|style|object|embed|frame|frameset|link|meta|base|form)\b/gi,
    message: (m) => `不允许使用 ${m.replace(/\s/g, '')}> 标签：请删除；视频和外部内容请改为在“资料来源”里给出链接`,
  },
  {
    re: /\s(on[a-z]+)\s*=/gi,
    message: (m) => `不允许使用事件属性 ${m.trim()}：请删除`,
  },
  {
    re: /javascript\s*:/gi,
    message: () => '不允许使用 javascript: 链接：请改为以 https:// 开头的网址或删除',
  },
  {
    re: /^[ \t]*export\s/gm,
    message: () => '条目中不允许 export 语句：请删除这一行',
  },
];

const IMPORT = /^[ \t]*import\s+(?:[\s\S]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Every unsafe piece of markup in an MDX body; `firstLine` is the body's first line in the file. */
export function findUnsafeMarkup(body: string, firstLine = 1): MarkupHit[] {
  const hits: MarkupHit[] = [];
  const lineAt = (index: number) => firstLine + body.slice(0, index).split('\n').length - 1;
  for (const rule of RULES) {
    for (const m of body.matchAll(rule.re)) {
      hits.push({ line: lineAt(m.index), match: m[0].trim().slice(0, 40), message: rule.message(m[0]) });
    }
  }
  for (const m of body.matchAll(IMPORT)) {
    const from = m[1] ?? '';
    if (!COMPONENT_IMPORT.test(from)) {
      hits.push({
        line: lineAt(m.index),
        match: m[0].trim().slice(0, 60),
        message: `不允许从 “${from}” 导入：条目只能导入网站自己的组件（src/components/ 下的 .astro 文件），请删除这一行`,
      });
    }
  }
  return hits.sort((a, b) => a.line - b.line);
}

/** Splits an MDX file into its YAML frontmatter and the line the frontmatter starts on. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } | null {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return m ? { frontmatter: m[1] ?? '', body: m[2] ?? '' } : null;
}

/**
 * True when an entry's story (the body after the front matter) reads the same
 * as plain Markdown: no components or HTML (`<`), no expressions (`{`, `}`), no
 * import or export, and no indented block (Markdown's indented code, which MDX
 * does not have). Such stories skip MDX compilation in builds.
 */
export function isPlainMarkdown(body: string): boolean {
  return !/[<{}]/.test(body) && !/^[ \t]*(?:import|export)\s/m.test(body) && !/^(?:\t| {4})/m.test(body);
}
