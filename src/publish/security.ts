/**
 * The Content-Security-Policy every page carries (as a meta tag) and the
 * headers file for hosts that read one. No inline script anywhere: the only
 * scripts are files on the site's own origin; Pagefind needs WebAssembly.
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

/** `_headers` for Netlify/Cloudflare-style hosts. */
export const HEADERS_FILE = `/*
  Content-Security-Policy: ${CSP}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=()
/_astro/*
  Cache-Control: public, max-age=31536000, immutable
${routes.namesIndex}*
  Cache-Control: public, max-age=3600
${routes.storyIndexes}*
  Cache-Control: public, max-age=3600
`;
