import { site } from '../collections/content.ts';
import { absoluteUrl, routes } from '../model/routes.ts';

export function GET() {
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(routes.sitemap, site.url)}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
