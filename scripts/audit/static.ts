/**
 * Checks over a built dist/ that need no browser: HTML validity
 * (html-validate), internal links and asset references, and the security
 * policy (CSP on every page, no inline script or style, nothing loaded from
 * another origin, a _headers file).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parse } from 'node-html-parser';

/** html-validate's recommended preset as it is: the built pages pass it with no rule turned off. */
export const HTML_VALIDATE_CONFIG: ConfigData = { extends: ['html-validate:recommended'] };

/** Every HTML file in dist, relative, sorted. */
export function htmlPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
    .sort();
}

/** `file:line:col rule — message` for every HTML error. */
export async function htmlErrors(dist: string, files = htmlPages(dist)): Promise<string[]> {
  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  const out: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(join(dist, file), 'utf8'), file);
    for (const r of report.results) {
      for (const m of r.messages) out.push(`${file}:${m.line}:${m.column} ${m.ruleId} — ${m.message}`);
    }
  }
  return out;
}

/** Internal href/src/srcset references that resolve to no file in dist. */
export function brokenReferences(dist: string, files = htmlPages(dist)): string[] {
  const broken: string[] = [];
  for (const file of files) {
    const doc = parse(readFileSync(join(dist, file), 'utf8'));
    for (const el of doc.querySelectorAll('a[href], link[href], img[src], source[srcset], img[srcset], script[src]')) {
      const refs = [
        el.getAttribute('href'),
        el.getAttribute('src'),
        ...(el.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(' ')[0]),
      ];
      for (const ref of refs) {
        if (!ref || !ref.startsWith('/') || ref.startsWith('//')) continue;
        const path = decodeURIComponent(ref.split('#')[0]!.split('?')[0]!);
        const target = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
        if (!existsSync(target)) broken.push(`${file} → ${ref}`);
      }
    }
  }
  return broken;
}

/** Pages that break the security policy, and a missing or incomplete _headers file. */
export function securityProblems(dist: string, files = htmlPages(dist)): string[] {
  const out: string[] = [];
  for (const file of files) {
    const doc = parse(readFileSync(join(dist, file), 'utf8'));
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    if (!csp) out.push(`${file}: no Content-Security-Policy`);
    else if (/script-src[^;]*'unsafe-inline'/.test(csp)) out.push(`${file}: CSP allows inline script`);
    for (const s of doc.querySelectorAll('script')) {
      if (!s.getAttribute('src') && s.getAttribute('type') !== 'application/ld+json')
        out.push(`${file}: inline <script>`);
    }
    if (doc.querySelector('style')) out.push(`${file}: inline <style>`);
    if (doc.querySelector('[style]')) out.push(`${file}: style attribute`);
    for (const el of doc.querySelectorAll(
      'script[src], link[href]:not([rel="canonical"]), img[src], source[srcset], iframe',
    )) {
      const ref = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('srcset') ?? '';
      if (/^(https?:)?\/\//.test(ref)) out.push(`${file}: loads ${ref} from another origin`);
    }
  }
  const headers = existsSync(join(dist, '_headers')) ? readFileSync(join(dist, '_headers'), 'utf8') : '';
  for (const h of ['Content-Security-Policy', 'X-Content-Type-Options: nosniff', 'Referrer-Policy', 'immutable']) {
    if (!headers.includes(h)) out.push(`_headers: missing ${h}`);
  }
  return out;
}
