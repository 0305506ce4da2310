// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import buildLock from './src/integrations/build-lock.ts';
import contentGate from './src/integrations/content-gate.ts';
import photoPreview from './src/integrations/photo-preview.ts';
import { cacheDir } from './src/build/cache-dir.ts';
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
 * In the browser bundle only, `entities` (which the privacy scanner, src/rules/privacy.ts, decodes
 * character references with) is the page's own HTML parser (src/client/entities-dom.ts): the same
 * rules for the nomination form at 6 KB instead of 45 KB. Node code keeps the package.
 */
const browserEntities = {
  name: 'honour-browser-entities',
  enforce: /** @type {const} */ ('pre'),
  /** @param {{ name: string }} environment */
  applyToEnvironment: (environment) => environment.name === 'client',
  /** @param {string} id */
  resolveId: (id) =>
    id === 'entities' ? join(dirname(fileURLToPath(import.meta.url)), 'src/client/entities-dom.ts') : undefined,
};

/**
 * Whether pages are served by `astro dev`, fixed when the pages are compiled: `import.meta.env.DEV`
 * also follows a DEV variable in the environment (a shell's, a test runner's), and pages built
 * with it set went out without their Content-Security-Policy.
 * @type {import('astro').AstroIntegration}
 */
const devServer = {
  name: 'honour-dev-server',
  hooks: {
    'astro:config:setup': ({ command, updateConfig }) =>
      void updateConfig({ vite: { define: { __HONOUR_DEV_SERVER__: JSON.stringify(command === 'dev') } } }),
  },
};

export default defineConfig({
  site: siteUrl(),
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  // Two pages on one route fail the build (the content check refuses slugs that would collide first).
  prerenderConflictBehavior: 'error',
  // No MDX integration: stories are parsed and rendered by the engine (src/parse/story.ts), never compiled.
  // The output gate and the search indexes run after Astro has exited (scripts/build.ts), so
  // their memory never adds to Astro's.
  integrations: [devServer, buildLock(), contentGate(), photoPreview()],
  devToolbar: { enabled: false },
  // Pages whose cache key (src/collections/cache-keys.ts) and template are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  // Stylesheets as files, never inline: the Content-Security-Policy allows no inline style or script.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  vite: { plugins: [browserEntities], build: { assetsInlineLimit: 0 } },
});
