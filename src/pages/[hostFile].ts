// Files hosts read from the site root, never pages: `_redirects` maps every former slug to its entry,
// `_headers` sets the security policy and caching, `_nginx.conf` does both for nginx (src/publish/nginx.ts).
import { redirects, site } from '../collections/content.ts';
import { headersFile } from '../publish/security.ts';
import { nginxConf } from '../publish/nginx.ts';

const FILES: Record<string, () => string> = {
  _redirects: () => redirects.map((r) => `${r.from} ${r.to} 301`).join('\n') + '\n',
  _headers: () => headersFile(site),
  '_nginx.conf': () => nginxConf(redirects, site),
};

export function getStaticPaths() {
  return Object.keys(FILES).map((hostFile) => ({ params: { hostFile } }));
}

export function GET({ params }: { params: { hostFile: string } }) {
  return new Response(FILES[params.hostFile]?.() ?? '', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
