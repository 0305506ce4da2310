/**
 * The Content-Security-Policy every page carries (as a meta tag), the security
 * headers and caching rules every response should get, and the headers file
 * for hosts that read one (`_headers`; nginx gets the same rules from
 * `nginx.ts`). No inline script anywhere: the only scripts are files on the
 * site's own origin; Pagefind needs WebAssembly.
 */
import { routes } from '../model/routes.ts';

/** What of site.yaml the policy depends on: a city's portal, a portal's members. */
export interface PolicySite {
  /** A city's provincial portal: the search page fetches its names table (在全省搜索). */
  portal?: string;
  /** A portal's member cities: their search pages may fetch its names table. */
  members?: ReadonlyArray<{ url: string }>;
}

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

/** The origin of a URL from site.yaml (schema-checked: http or https), as a CSP source or an Origin header. */
export const originOf = (url: string): string => new URL(url).origin;

/** The policy for a `<meta http-equiv>` tag (frame-ancestors only works as a header); a city naming a portal may fetch from it. */
export function cspOf(site: PolicySite = {}): string {
  const policy: Record<string, string[]> = { ...POLICY };
  if (site.portal) policy['connect-src'] = ["'self'", originOf(site.portal)];
  return Object.entries(policy)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** The policy of a city with no portal. */
export const CSP = cspOf();

/** Headers of every response, in order. */
export function securityHeaders(site: PolicySite = {}): ReadonlyArray<readonly [name: string, value: string]> {
  return [
    ['Content-Security-Policy', `${cspOf(site)}; frame-ancestors 'none'`],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
}

/** Headers of every response of a city with no portal. */
export const SECURITY_HEADERS = securityHeaders();

/** The origins a portal's names table is shared with (CORS): exactly its members' sites. */
export function corsOrigins(site: PolicySite): string[] {
  return [...new Set((site.members ?? []).map((m) => originOf(m.url)))].sort();
}

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

/**
 * `_headers` for Netlify/Cloudflare-style hosts. Such a file cannot answer each origin with its
 * own name, so a portal shares its names table there only when it has one member origin; with
 * more, its members' 在全省搜索 falls back to a link unless the host is nginx (`_nginx.conf`).
 */
export function headersFile(site: PolicySite = {}): string {
  const cors = corsOrigins(site);
  return [
    '/*',
    ...securityHeaders(site).map(([name, value]) => `  ${name}: ${value}`),
    ...CACHE_RULES.flatMap(({ prefix, cacheControl }) => [
      `${prefix}*`,
      `  Cache-Control: ${cacheControl}`,
      ...(prefix === routes.namesTable && cors.length === 1 ? [`  Access-Control-Allow-Origin: ${cors[0] ?? ''}`] : []),
    ]),
    '',
  ].join('\n');
}

/** `_headers` of a city with no portal. */
export const HEADERS_FILE = headersFile();
