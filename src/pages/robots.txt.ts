import { site } from '../collections/content.ts';

export function GET() {
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', site.url).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
