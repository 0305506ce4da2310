/**
 * `decodeHTML` of the `entities` package, for the browser bundle only (astro.config.mjs puts it in
 * place of `entities` there): the privacy scanner (src/rules/privacy.ts) decodes character
 * references before it looks, and the page's own HTML parser decodes them as `entities` does
 * (the HTML standard's table) without shipping its 32 KB table. A textarea's content is text,
 * never markup, so nothing in the decoded string can become an element or run.
 */
let area: HTMLTextAreaElement | undefined;

export function decodeHTML(text: string): string {
  if (!text.includes('&')) return text;
  area ??= document.createElement('textarea');
  area.innerHTML = text;
  return area.value;
}
