/**
 * Every URL of the site, in one place. Pages, components, feeds, open data,
 * the search client, the security headers and tests build URLs here and
 * nowhere else, so a route changes in one line. Pure and browser-safe (the
 * search page's script imports it).
 */

export const routes = {
  home: '/',
  people: '/people/',
  /** An entry's page (also the target of its former slugs). */
  entry: (id: string) => `/people/${id}/`,
  honours: '/honours/',
  title: (id: string) => `/honours/${id}/`,
  regions: '/regions/',
  region: (id: string) => `/regions/${id}/`,
  categories: '/categories/',
  category: (id: string) => `/categories/${id}/`,
  years: '/years/',
  year: (year: number | string) => `/years/${year}/`,
  releases: '/releases/',
  release: (id: string) => `/releases/${id}/`,
  /** A release's printable board (A4 or A3, chosen on the page). */
  poster: (id: string) => `/releases/${id}/poster/`,
  /**
   * Page `n` of a paged list at `base` in a non-default order `variant`:
   * /regions/yaodu/, /regions/yaodu/2/, /regions/yaodu/strokes/, /regions/yaodu/strokes/2/.
   */
  listPage: (base: string, n: number, variant?: string) =>
    `${base}${variant ? `${variant}/` : ''}${n > 1 ? `${n}/` : ''}`,
  stats: '/stats/',
  search: '/search/',
  /** 推荐身边好人: how to nominate someone, and a form that writes the nomination (nothing is sent by the site). */
  nominate: '/nominate/',
  favicon: '/favicon.svg',
  /** The site's emblem, a PNG: the share image (og:image) and first raster image of a page without a photo. */
  emblem: '/emblem.png',
  /** Hashed build assets (CSS, scripts, image renditions). */
  assets: '/_astro/',
  /** Files for hosts, never pages: Netlify/Cloudflare's `_headers` and `_redirects`, nginx's snippet. */
  hostFiles: ['/_headers', '/_redirects', '/_nginx.conf'] as const,
  /** The one script of content pages (长辈模式, menu, print, 语音阅读's offer). */
  pageScript: '/page.js',
  /** The reader of 语音阅读, loaded only when its button is pressed. */
  readAloudScript: '/read-aloud.js',
  /** The page a host serves for any missing path. */
  notFound: '/404.html',
  feed: '/rss.xml',
  sitemap: '/sitemap.xml',
  data: {
    entriesJson: '/data/entries.json',
    entriesCsv: '/data/entries.csv',
    release: (id: string) => `/data/releases/${id}.json`,
  },
  /** The names table, the first search tier: `index.json` and one file per key (src/search/names-table.ts). */
  namesTable: '/search/names/',
  /**
   * Every listed entry's names-table row, written by Astro for the search step (which checks it was
   * gated, plans the table from it and takes it out of the site).
   */
  namesRows: '/search/names-rows.json',
  /** The story search indexes, one folder per shard, listed in `shards.json`. */
  storyIndexes: '/pagefind-stories/',
  storyIndex: (shard: string) => `/pagefind-stories/${shard}/`,
} as const;

/** An absolute URL of a site path, for feeds, share data, QR codes and open data. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl).href;
}
