// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import buildLock from './src/integrations/build-lock.ts';
import contentGate from './src/integrations/content-gate.ts';
import outputGate from './src/integrations/output-gate.ts';
import searchIndex from './src/integrations/search-index.ts';
import { contentRoot } from './src/model/content-root.ts';
import { loadYamlData } from './src/parse/yaml.ts';

/** The site URL comes from the content root's settings, so another city's content brings its own. */
function siteUrl() {
  try {
    const records = /** @type {Array<{ id: string, url?: string }>} */ (
      loadYamlData(readFileSync(join(contentRoot(), 'site.yaml'), 'utf8'))
    );
    return records.find((r) => r.id === 'site')?.url;
  } catch {
    return undefined; // the content gate reports the missing or broken file
  }
}

/**
 * Each content root gets its own cache, so building another city's content (or a
 * test fixture) never reads the data store or processed photos of another root.
 */
function cacheDir() {
  const root = contentRoot();
  if (root === resolve('content')) return './node_modules/.astro';
  return `./node_modules/.astro-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`;
}

export default defineConfig({
  site: siteUrl(),
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  // Two pages on one route fail the build (the content check refuses slugs that would collide first).
  prerenderConflictBehavior: 'error',
  // No MDX integration: stories are parsed and rendered by the engine (src/parse/story.ts), never compiled.
  // The output gate runs before the search index is built from the pages it has checked.
  integrations: [buildLock(), contentGate(), outputGate(), searchIndex()],
  devToolbar: { enabled: false },
  image: {
    service: {
      // Astro's sharp service, one transform per core at a time (src/build/image-service.ts).
      entrypoint: './src/build/image-service.ts',
      // sharp's default AVIF effort (4) took 2.5 s for one 720 px photo; effort 2 takes 0.2 s,
      // at the same PSNR and a smaller file (measured in docs/performance.md).
      config: { avif: { effort: 2 } },
    },
  },
  // Pages whose cache key (src/build/cache-keys.ts) and template are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  // Stylesheets as files, never inline: the Content-Security-Policy allows no inline style or script.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
