import { sitemapPaths, site } from '../collections/content.ts';

export function GET() {
  const urls = sitemapPaths.map((p) => `<url><loc>${new URL(p, site.url).href}</loc></url>`).join('');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
    { headers: { 'content-type': 'application/xml' } },
  );
}
