/**
 * node scripts/bench/story-cost.ts <case> <n> [<case> <n> …]
 *
 * The cost of parsing and rendering one hostile story, past the bounds that
 * `resourceProblem` (src/parse/story.ts) checks before parsing: each case runs
 * in a process of its own and prints the time and peak memory (max RSS) of
 * satteri's two parsers and of rendering the tree. The figures in the comments
 * of src/parse/story.ts come from here.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Root } from 'mdast';
import { storyHtml } from '../../src/parse/story.ts';

/** Hostile stories by name, each of size `n`. */
const CASES: Record<string, (n: number) => string> = {
  /** A GFM table of n columns and n/4 rows. */
  table: (n) => `|${'a|'.repeat(n)}\n|${'-|'.repeat(n)}\n${`|${'a|'.repeat(n)}\n`.repeat(Math.ceil(n / 4))}`,
  /** A table of n columns whose rows are one cell each (padded by GFM to the delimiter row). */
  padded: (n) => `|${'a|'.repeat(n)}\n|${'-|'.repeat(n)}\n${'|a\n'.repeat(Math.ceil(n / 4))}`,
  /** A table of 10 columns and n rows. */
  rows: (n) => `|${'a|'.repeat(10)}\n|${'-|'.repeat(10)}\n${`|${'a|'.repeat(10)}\n`.repeat(n)}`,
  decimal: (n) => '&#0;'.repeat(n),
  named: (n) => '&copy;'.repeat(n),
  hex: (n) => '&#x1F600;'.repeat(n),
  badNamed: (n) => '&zzzz;'.repeat(n),
  amp: (n) => '&a '.repeat(n),
  refsLines: (n) => '&nbsp;\n'.repeat(n),
  refsParagraphs: (n) => '&nbsp;\n\n'.repeat(n),
  backticks: (n) => Array.from({ length: n }, (_, i) => '`'.repeat((i % 50) + 1)).join(' '),
  brackets: (n) => '['.repeat(n),
  bracketsClosed: (n) => '[a]'.repeat(n),
  stars: (n) => '*a'.repeat(n),
  starsUnder: (n) => '*_'.repeat(n),
  linkDefs: (n) => Array.from({ length: n }, (_, i) => `[r${i}]: https://a.cn/${i}\n`).join('') + '[r0]',
  linkRefs: (n) => '[r]: https://a.cn\n\n' + '[x][r] '.repeat(n),
  /** One definition of a 60 KB address, used n times. */
  longRefs: (n) => `[r]: https://a.cn/${'a'.repeat(Number(process.env.URL_LEN ?? 60_000))}\n\n${'[x][r] '.repeat(n)}`,
  quoteList: (n) => Array.from({ length: n }, (_, i) => `${'> - '.repeat((i % 12) + 1)}a`).join('\n'),
  codeLt: (n) => '`<` '.repeat(n),
  listItems: (n) => '- a\n'.repeat(n),
  listEmpty: (n) => '-\n'.repeat(n),
  orderedItems: (n) => Array.from({ length: n }, (_, i) => `${i + 1}. a`).join('\n'),
  lazyQuote: (n) => '> a\n'.repeat(n),
  emphasisLinks: (n) => '[*a*](https://a.cn) '.repeat(n),
  autolinks: (n) => 'www.a.cn '.repeat(n),
  setext: (n) => 'a\n'.repeat(n) + '==',
  indentCode: (n) => '    a\n'.repeat(n),
  fences: (n) => '```\n'.repeat(n),
  hardBreaks: (n) => 'a  \n'.repeat(n),
  tildes: (n) => '~~a'.repeat(n),
  indentList: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'),
  indentQuoteList: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- > a`).join('\n'),
  nestedBrackets: (n) => `${'['.repeat(n)}a${'](https://a.cn)'.repeat(n)}`,
  nestedStars: (n) => `${'*'.repeat(n)}a${'*'.repeat(n)}`,
  mixedDelims: (n) => '*a_ '.repeat(n) + '_b*'.repeat(n),
  wideRows: (n) => `|a|a|\n|-|-|\n${`${'|a'.repeat(n)}\n`.repeat(10)}`,
  backslashes: (n) => '\\\\'.repeat(n),
  underscores: (n) => '_a '.repeat(n),
  unclosedLinks: (n) => '[a]('.repeat(n),
  unclosedTitles: (n) => '[a](b "'.repeat(n),
  emails: (n) => 'a@b.c '.repeat(n),
  emailRun: (n) => `${'a.'.repeat(n)}@b.cn`,
  longDomain: (n) => `www.${'a.'.repeat(n)}cn`,
  urlParens: (n) => `https://a.cn/${'('.repeat(n)}`,
  intraword: (n) => 'a_b*c'.repeat(n),
  bangBrackets: (n) => '!['.repeat(n),
  closers: (n) => `${'['.repeat(n)}${']('.repeat(n)}`,
  defsUnclosed: (n) => '[a]: <\n'.repeat(n),
  tableish: (n) => `a|b\n${'|'.repeat(n)}\n`,
  htmlEntitiesInCode: (n) => '`&amp;` '.repeat(n),
};

const [name, size] = process.argv.slice(2);
if (process.env.STORY_COST_CHILD === '1' && name && size) {
  const body = CASES[name]?.(Number(size)) ?? '';
  const time = (f: () => unknown): [number, unknown] => {
    const t0 = performance.now();
    const out = f();
    return [Math.round(performance.now() - t0), out];
  };
  const features = { gfm: { footnotes: false }, frontmatter: false } as const;
  let mdx: string;
  try {
    mdx = `${time(() => mdxToMdast(body, { features }))[0]} ms`;
  } catch {
    mdx = 'error';
  }
  const [md, tree] = time(() => markdownToMdast(body, { features }));
  // The judge refuses a tree deeper than its bound before it is rendered; here it is rendered anyway.
  const [render, html] = time(() => {
    try {
      return storyHtml(tree as Root);
    } catch (e) {
      return (e as Error).name;
    }
  });
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `${name} ${size}: ${Math.round(body.length / 1024)} KB, mdx ${mdx}, markdown ${md} ms, render ${render} ms, ` +
      `html ${Math.round((html as string).length / 1024)} KB, max RSS ${rss} MB`,
  );
} else {
  const args = process.argv.slice(2);
  for (let i = 0; i + 1 < args.length; i += 2) {
    const [c, n] = [args[i] ?? '', args[i + 1] ?? ''];
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), c, n], {
      env: { ...process.env, STORY_COST_CHILD: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    console.log((run.stdout || run.stderr.split('\n').slice(-3).join(' ') || `${c} ${n}: ${run.signal}`).trim());
  }
}
