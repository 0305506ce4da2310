/**
 * The story widget's 插入引语: the engine's `<Quote by="…">…</Quote>` (src/parse/story.ts,
 * src/components/Quote.astro) put into the story as a paragraph of its own. Pure, so the
 * widget's React code only reads the text area's selection and writes back what this returns.
 */

/**
 * Text as it may stand inside a story that uses a component: `<` and `{` are written as the
 * character references the story parser reads back (MDX would take them for a tag or code), and
 * the lines of a quotation are joined, since a Quote is one paragraph.
 */
function quoteContent(text: string): string {
  return text
    .trim()
    .split(/\s*\n\s*/)
    .join('')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('{', '&#123;');
}

/** A speaker's name as an attribute value: one line, and no straight quote that would end the value. */
function speaker(by: string): string {
  return by.replace(/\s+/g, ' ').trim().replaceAll('"', '”').replaceAll('<', '〈').replaceAll('{', '｛');
}

/** The component for a quotation and its speaker (left out when empty: the honouree's own words). */
export function quoteElement(text: string, by: string): string {
  const who = speaker(by);
  return `<Quote${who ? ` by="${who}"` : ''}>${quoteContent(text)}</Quote>`;
}

/**
 * The story with the quotation in place of the selection `[start, end)`, as a paragraph of its
 * own (blank lines around it where the text goes on), and where the caret goes after it.
 */
export function insertQuote(
  story: string,
  start: number,
  end: number,
  text: string,
  by: string,
): { story: string; caret: number } {
  const before = story.slice(0, start).replace(/[ \t]+$/, '');
  const after = story.slice(end).replace(/^[ \t]+/, '');
  const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const tail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const element = quoteElement(text, by);
  const head = `${before}${lead}${element}`;
  return { story: `${head}${tail}${after}`, caret: head.length };
}
