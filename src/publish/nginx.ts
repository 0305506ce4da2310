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
import { CACHE_RULES, PAGE_CACHE, corsOrigins, securityHeaders, type PolicySite } from './security.ts';

/** An nginx string: double-quoted, with quotes, backslashes and `$` escaped (a `$` would be a variable). */
export function quoted(value: string): string {
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** A path as an exact-match location: only safe URL characters, never a space, brace or semicolon. */
function safePath(path: string): string {
  if (!/^\/[A-Za-z0-9/_.~-]*$/.test(path)) throw new Error(`unsafe path for nginx: ${JSON.stringify(path)}`);
  return path;
}

/** An origin as nginx compares it: scheme, host and port only (schema-checked URLs). */
function safeOrigin(origin: string): string {
  if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?$/.test(origin))
    throw new Error(`unsafe origin for nginx: ${JSON.stringify(origin)}`);
  return origin;
}

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

/**
 * The snippet for a site whose former entry URLs are `redirects`; `site` decides the security
 * policy (a city's portal) and, for a portal, the member origins its names table is shared with:
 * each answered with its own name (`Access-Control-Allow-Origin`), any other origin with none.
 */
export function nginxConf(redirects: ReadonlyArray<{ from: string; to: string }>, site: PolicySite = {}): string {
  const headers = securityHeaders(site);
  const headerLines = (indent: string) =>
    headers.map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);
  const cors = corsOrigins(site).map(safeOrigin);
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
    ...headerLines(''),
    '',
    '# Pages: short caching, so a release or a correction shows within minutes.',
    'location / {',
    '    try_files $uri $uri/ =404;',
    `    add_header Cache-Control ${quoted(PAGE_CACHE)} always;`,
    ...headerLines('    '),
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
      ...(prefix === routes.namesTable && cors.length
        ? [
            // A member city's 在全省搜索 reads this table from its own origin; only members' origins are answered.
            '    set $honour_cors "";',
            ...cors.map((o) => `    if ($http_origin = ${quoted(o)}) { set $honour_cors $http_origin; }`),
            '    add_header Access-Control-Allow-Origin $honour_cors always;',
            '    add_header Vary Origin always;',
          ]
        : []),
      '    try_files $uri =404;',
      `    add_header Cache-Control ${quoted(cacheControl)} always;`,
      ...headerLines('    '),
      '}',
    );
  }
  lines.push('', '# Files for hosts, never for readers.');
  for (const file of routes.hostFiles) lines.push(`location = ${safePath(file)} { return 404; }`);
  lines.push('', '# Former entry URLs: a permanent redirect each (with and without the final slash).');
  for (const { from, to } of redirects) {
    const target = safePath(to);
    for (const path of new Set([from, from.replace(/\/$/, '')])) {
      lines.push(`location = ${safePath(path)} {`, ...headerLines('    '), `    return 301 ${target};`, '}');
    }
  }
  return `${lines.join('\n')}\n`;
}
