/**
 * The Content-Security-Policy every page carries (as a meta tag), the security
 * headers and caching rules every response should get, and the headers file
 * for hosts that read one (`_headers`; nginx gets the same rules from
 * `nginx.ts`). No inline script anywhere: the only scripts are files on the
 * site's own origin; Pagefind needs WebAssembly.
 */
import { routes } from '../model/routes.ts';

const POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy for a `<meta http-equiv>` tag (frame-ancestors only works as a header). */
export const CSP = Object.entries(POLICY)
  .map(([k, v]) => `${k} ${v.join(' ')}`)
  .join('; ');

/** Headers of every response, in order. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [name: string, value: string]> = [
  ['Content-Security-Policy', `${CSP}; frame-ancestors 'none'`],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

/** Hashed build assets never change under their name: a year, immutable. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Search indexes are rebuilt by each release under the same names: an hour. */
export const SEARCH_INDEX_CACHE = 'public, max-age=3600';

/** Pages change with every release and correction: five minutes. */
export const PAGE_CACHE = 'public, max-age=300';

/** Path prefixes with a caching rule of their own. */
export const CACHE_RULES: ReadonlyArray<{ prefix: string; cacheControl: string }> = [
  { prefix: routes.assets, cacheControl: IMMUTABLE },
  { prefix: routes.namesTable, cacheControl: SEARCH_INDEX_CACHE },
  { prefix: routes.storyIndexes, cacheControl: SEARCH_INDEX_CACHE },
];

/** `_headers` for Netlify/Cloudflare-style hosts. */
export const HEADERS_FILE = [
  '/*',
  ...SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
  ...CACHE_RULES.flatMap(({ prefix, cacheControl }) => [`${prefix}*`, `  Cache-Control: ${cacheControl}`]),
  '',
].join('\n');
