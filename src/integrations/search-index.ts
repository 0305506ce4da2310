/**
 * Builds the search indexes after Astro has written the site, through
 * Pagefind's Node API (the pattern Starlight uses): any Pagefind error fails
 * the build, and the service is always closed.
 *
 * Two tiers (src/search/search-index.ts): a names index in dist/pagefind/ and
 * one story index per release in dist/pagefind-stories/<shard>/. Pagefind
 * cannot update an index, and one index of 10,000 whole pages took 75-90 s
 * and 4 GB; so each index is kept in the cache folder with a hash of the
 * pages it read, and only an index whose pages changed is built again. One
 * index is in memory at a time.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { SHARDS_FILE, indexedPart, planIndexes, type IndexInput, type IndexedPage } from '../search/search-index.ts';
import { routes } from '../model/routes.ts';

/** dist/ folder of each index: the names index keeps Pagefind's usual place. */
const outFolder = (name: string) => (name === 'names' ? 'pagefind' : name.replace(/^stories\//, 'pagefind-stories/'));

/** Every entry page (data-pagefind-body); redirects and other pages under people/ are not indexed. */
function entryPages(site: string): IndexedPage[] {
  const pages: IndexedPage[] = [];
  for (const slug of readdirSync(join(site, 'people'))) {
    const file = join(site, 'people', slug, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    if (html.includes('data-pagefind-body')) pages.push({ url: routes.entry(slug), html: indexedPart(html) });
  }
  return pages;
}

async function buildIndex(input: IndexInput, out: string): Promise<void> {
  try {
    const { index, errors } = await createIndex({});
    if (!index || errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
    for (const page of input.pages) {
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      if (added.errors.length) throw new Error(`Pagefind (${page.url}): ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    // A new service per index: Pagefind frees an index's memory only when its process ends.
    await close();
  }
}

/** Copies the kept index when its hash matches, else builds it and keeps it. Returns whether it was built. */
async function buildOrReuse(input: IndexInput, site: string, cache: string): Promise<boolean> {
  const out = join(site, outFolder(input.name));
  const kept = join(cache, input.name, 'pagefind');
  const keptHash = join(cache, input.name, 'pages.sha256');
  rmSync(out, { recursive: true, force: true });
  if (existsSync(keptHash) && readFileSync(keptHash, 'utf8') === input.hash && existsSync(kept)) {
    cpSync(kept, out, { recursive: true });
    return false;
  }
  await buildIndex(input, out);
  // The hash goes last, so a half-written copy is never trusted.
  rmSync(keptHash, { force: true });
  rmSync(kept, { recursive: true, force: true });
  mkdirSync(dirname(kept), { recursive: true });
  cpSync(out, kept, { recursive: true });
  writeFileSync(keptHash, input.hash);
  return true;
}

/** Drops kept story indexes of shards that no longer exist, and anything else left in the cache. */
function pruneCache(cache: string, shards: string[]) {
  for (const entry of readdirSync(cache))
    if (entry !== 'names' && entry !== 'stories') rmSync(join(cache, entry), { recursive: true });
  const dir = join(cache, 'stories');
  if (!existsSync(dir)) return;
  for (const shard of readdirSync(dir)) if (!shards.includes(shard)) rmSync(join(dir, shard), { recursive: true });
}

async function indexSite(site: string, cache: string, logger: AstroIntegrationLogger) {
  const started = performance.now();
  const lock = existsSync('package-lock.json') ? readFileSync('package-lock.json', 'utf8') : '';
  const { names, stories } = planIndexes(entryPages(site), lock);
  if (!names.pages.length) throw new Error('Pagefind: no entry page (data-pagefind-body) to index');
  rmSync(join(site, 'pagefind-stories'), { recursive: true, force: true });
  const namesBuilt = await buildOrReuse(names, site, cache);
  const rebuilt: string[] = [];
  for (const input of stories) if (await buildOrReuse(input, site, cache)) rebuilt.push(input.name);
  const shards = stories.map((s) => s.name.replace(/^stories\//, ''));
  writeFileSync(join(site, 'pagefind-stories', SHARDS_FILE), JSON.stringify(shards));
  pruneCache(cache, shards);
  const reindexed = stories.filter((s) => rebuilt.includes(s.name)).reduce((n, s) => n + s.pages.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `搜索索引：姓名索引${namesBuilt ? `重建（${names.pages.length} 个页面）` : '沿用上次的索引'}；` +
      `事迹索引 ${stories.length} 份，重建 ${rebuilt.length} 份（${reindexed} 个页面），沿用 ${stories.length - rebuilt.length} 份；用时 ${seconds} 秒`,
  );
}

export default function searchIndex(): AstroIntegration {
  let cache = '';
  return {
    name: 'honour-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'search-index');
      },
      'astro:build:done': async ({ dir, logger }) => {
        await indexSite(fileURLToPath(dir), cache, logger);
      },
    },
  };
}
