// Files static hosts read from the site root; `_redirects` maps every former slug to its entry.
import { redirects } from '../lib/content.ts';

export function getStaticPaths() {
  return [{ params: { hostFile: '_redirects' } }];
}

export function GET() {
  return new Response(redirects.map((r) => `${r.from} ${r.to} 301`).join('\n') + '\n', {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
