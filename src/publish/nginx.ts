/**
 * `_nginx.conf`: the site's rules for nginx, the web server a city's office
 * runs, as directives valid inside a `server { … }` block, so that
 *
 *     server { listen 80; root /srv/hrb/current; include /srv/hrb/current/_nginx.conf; }
 *
 * is a complete site (docs/deploy.md). The same security headers and caching
 * as `_headers` (security.ts), a real 301 for every former slug, the 404 page
 * with status 404, gzip, the types of Pagefind's files, and the host files
 * themselves not served. Pure text from the site's data, unit-tested; the
 * real nginx serves the built sample in tests/nginx.test.ts.
 *
 * nginx does not carry a server's `add_header` into a `location` that sets
 * headers of its own, so every location below repeats the security headers.
 */
import { routes } from '../model/routes.ts';
import { CACHE_RULES, PAGE_CACHE, SECURITY_HEADERS } from './security.ts';

/** An nginx string: double-quoted, with quotes, backslashes and `$` escaped (a `$` would be a variable). */
export function quoted(value: string): string {
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** A path as an exact-match location: only safe URL characters, never a space, brace or semicolon. */
function safePath(path: string): string {
  if (!/^\/[A-Za-z0-9/_.~-]*$/.test(path)) throw new Error(`unsafe path for nginx: ${JSON.stringify(path)}`);
  return path;
}

const securityHeaders = (indent: string) =>
  SECURITY_HEADERS.map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);

/** Text types nginx compresses (text/html always is, once gzip is on). */
const GZIP_TYPES = [
  'text/css',
  'text/plain',
  'text/csv',
  'text/xml',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/xml',
  'application/rss+xml',
  'image/svg+xml',
];

/** Pagefind's own files: its indexes are gzip data already (served as they are), its code is JavaScript and WebAssembly. */
const PAGEFIND_TYPES = [
  'text/javascript js',
  'application/json json',
  'text/css css',
  'application/wasm wasm',
  'application/octet-stream pagefind pf_meta pf_index pf_fragment pf_filter',
];

/** The snippet for a site whose former entry URLs are `redirects`. */
export function nginxConf(redirects: ReadonlyArray<{ from: string; to: string }>): string {
  const lines: string[] = [
    '# 好人榜 — include this file inside a server { } block whose root is this folder (docs/deploy.md).',
    '# Written by every build; do not edit: change src/publish/nginx.ts.',
    'charset utf-8;',
    'index index.html;',
    // Relative Location headers: right behind a proxy or CDN whatever host name the request used.
    'absolute_redirect off;',
    `error_page 404 ${safePath(routes.notFound)};`,
    'gzip on;',
    'gzip_vary on;',
    'gzip_comp_level 6;',
    'gzip_min_length 256;',
    `gzip_types ${GZIP_TYPES.join(' ')};`,
    '',
    '# Every response: the security policy (repeated in each location, which does not inherit it).',
    ...securityHeaders(''),
    '',
    '# Pages: short caching, so a release or a correction shows within minutes.',
    'location / {',
    '    try_files $uri $uri/ =404;',
    `    add_header Cache-Control ${quoted(PAGE_CACHE)} always;`,
    ...securityHeaders('    '),
    '}',
  ];
  for (const { prefix, cacheControl } of CACHE_RULES) {
    const pagefind = prefix === routes.storyIndexes;
    lines.push(
      '',
      `location ^~ ${safePath(prefix)} {`,
      ...(pagefind
        ? [`    types { ${PAGEFIND_TYPES.join('; ')}; }`, '    default_type application/octet-stream;']
        : []),
      '    try_files $uri =404;',
      `    add_header Cache-Control ${quoted(cacheControl)} always;`,
      ...securityHeaders('    '),
      '}',
    );
  }
  lines.push('', '# Files for hosts, never for readers.');
  for (const file of routes.hostFiles) lines.push(`location = ${safePath(file)} { return 404; }`);
  lines.push('', '# Former entry URLs: a permanent redirect each (with and without the final slash).');
  for (const { from, to } of redirects) {
    const target = safePath(to);
    for (const path of new Set([from, from.replace(/\/$/, '')])) {
      lines.push(`location = ${safePath(path)} {`, ...securityHeaders('    '), `    return 301 ${target};`, '}');
    }
  }
  return `${lines.join('\n')}\n`;
}
