/** Reading built pages the way a browser or crawler would see them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Parses `dist/<path>/index.html` (or `dist/<path>` for a file). */
export function page(dist: string, path: string): HTMLElement {
  const file = path.endsWith('.html') ? join(dist, path) : join(dist, path, 'index.html');
  if (!existsSync(file)) throw new Error(`No page at ${path} (${file})`);
  return parse(readFileSync(file, 'utf8'));
}

/** Visible text of an element with whitespace collapsed. */
export function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every JSON-LD block on the page, parsed. */
export function jsonLd(doc: HTMLElement): Array<Record<string, unknown>> {
  return doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
}

/** Paths of every HTML page in dist, e.g. `people/zhang-san-xixian/index.html`. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** True for the static redirect pages of former URLs (they hold no content of their own). */
export function isRedirect(dist: string, file: string): boolean {
  return page(dist, file).querySelector('meta[http-equiv="refresh"]') !== null;
}
