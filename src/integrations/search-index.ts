/**
 * Builds the Pagefind index after Astro has written the site, through
 * Pagefind's Node API (the pattern Starlight uses): any Pagefind error fails
 * the build, and the service is always closed. Output goes to dist/pagefind/.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'honour-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors: createErrors } = await createIndex({});
          if (!index || createErrors.length) throw new Error(`Pagefind: ${createErrors.join('; ')}`);
          // Only entry pages carry data-pagefind-body; reading the roll pages too cost a third of the indexing time.
          const added = await index.addDirectory({ path: site, glob: 'people/*/index.html' });
          if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no page: no data-pagefind-body found');
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          logger.info(
            `搜索索引：${added.page_count} 个页面，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`,
          );
        } finally {
          await close();
        }
      },
    },
  };
}
