// Files static hosts read from the site root: `_redirects` maps every former slug to its entry,
// `_headers` sets the security policy and caching.
import { redirects } from '../collections/content.ts';
import { HEADERS_FILE } from '../publish/security.ts';

const FILES: Record<string, () => string> = {
  _redirects: () => redirects.map((r) => `${r.from} ${r.to} 301`).join('\n') + '\n',
  _headers: () => HEADERS_FILE,
};

export function getStaticPaths() {
  return Object.keys(FILES).map((hostFile) => ({ params: { hostFile } }));
}

export function GET({ params }: { params: { hostFile: string } }) {
  return new Response(FILES[params.hostFile]?.() ?? '', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
