/**
 * Builds the Pagefind index after Astro has written the site, through
 * Pagefind's Node API (the pattern Starlight uses): any Pagefind error fails
 * the build, and the service is always closed. Output goes to dist/pagefind/.
 *
 * Indexing is the costliest step of a large build (about a minute and 3 GB at
 * 10,000 entries), so the index is kept in the cache folder with a hash of
 * every page it read: when no entry page changed, the kept index is copied.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

/** Only entry pages carry data-pagefind-body; reading the roll pages too cost a third of the indexing time. */
const INDEXED = /^people\/[^/]+\/index\.html$/;

/** A hash of every page Pagefind would read, in a stable order, and of the lockfile (Pagefind's version). */
function pagesHash(site: string): string {
  const hash = createHash('sha256');
  if (existsSync('package-lock.json')) hash.update(readFileSync('package-lock.json')).update('\0');
  const files = readdirSync(join(site, 'people'), { recursive: true, encoding: 'utf8' })
    .map((f) => `people/${f.split('\\').join('/')}`)
    .filter((f) => INDEXED.test(f))
    .sort();
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(site, f)))
      .update('\0');
  return hash.digest('hex');
}

export default function searchIndex(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'honour-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'search-index');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const out = join(site, 'pagefind');
        const started = performance.now();
        const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
        const hash = pagesHash(site);
        const keptHash = join(cacheDir, 'pages.sha256');
        const kept = join(cacheDir, 'pagefind');
        if (existsSync(keptHash) && readFileSync(keptHash, 'utf8') === hash && existsSync(kept)) {
          rmSync(out, { recursive: true, force: true });
          cpSync(kept, out, { recursive: true });
          logger.info(`搜索索引：条目页面没有变化，沿用上次的索引，用时 ${seconds()} 秒`);
          return;
        }
        try {
          const { index, errors: createErrors } = await createIndex({});
          if (!index || createErrors.length) throw new Error(`Pagefind: ${createErrors.join('; ')}`);
          const added = await index.addDirectory({ path: site, glob: 'people/*/index.html' });
          if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no page: no data-pagefind-body found');
          const written = await index.writeFiles({ outputPath: out });
          if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          logger.info(`搜索索引：${added.page_count} 个页面，用时 ${seconds()} 秒`);
        } finally {
          await close();
        }
        // Keep it for the next build; the hash goes last, so a half-written copy is never trusted.
        rmSync(keptHash, { force: true });
        rmSync(kept, { recursive: true, force: true });
        cpSync(out, kept, { recursive: true });
        writeFileSync(keptHash, hash);
      },
    },
  };
}
