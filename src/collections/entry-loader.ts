/**
 * Loads the entry files. A story is data, never code: no story is compiled
 * as MDX (which would run its expressions and imports at build time). Each
 * file is read with the same functions the content check uses — the regular
 * files inside the content root, the safe YAML reader, the story parser and
 * renderer of `src/parse/story.ts` — and the story's HTML is kept under the
 * file's digest beside the data store (story-store.ts; cached between builds). So every story takes the
 * fast path that plain-Markdown stories took before (no module per entry
 * through the bundler), and the engine's own markup stands in for the story
 * components, from any content root.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY_FILE_MAX_BYTES, listEntryFiles, readContentText } from '../parse/content-files.ts';
import { splitFrontmatter, storyFirstLine } from '../parse/frontmatter.ts';
import { renderStory } from '../parse/story.ts';
import { hasStory, keepStory, pruneStories } from './story-store.ts';
import { parseYamlData, YAML_LIMITS } from '../parse/yaml.ts';

interface EntryLoaderOptions {
  /** Absolute path of the folder holding the `.mdx` files (any depth). */
  dir: string;
  /** The collection id of a file, from its path. */
  idOf: (path: string) => string;
}

/**
 * Part of every entry's digest: a story cached by an older renderer (or by the
 * MDX pipeline this replaced) is rendered again. Change it with the renderer.
 */
const RENDERER = 'story-renderer-2';

type WithAssetImports = LoaderContext['store'] & {
  addAssetImports?: (assets: string[], filePath: string) => void;
};

/** Thrown only for content the gate has already refused (the gate runs before content sync). */
class EntryFileError extends Error {
  override name = 'EntryFileError';
}

export function entryLoader({ dir, idOf }: EntryLoaderOptions): Loader {
  return {
    name: 'honour-entries',
    load: async (context: LoaderContext) => {
      const { store, watcher, logger, config } = context;
      const root = fileURLToPath(config.root);
      const cache = fileURLToPath(config.cacheDir);
      const fileToId = new Map<string, string>();

      async function sync(path: string): Promise<void> {
        const read = readContentText(path, ENTRY_FILE_MAX_BYTES);
        if (!read.ok) throw new EntryFileError(`${path}: ${read.message}`);
        const id = idOf(path);
        fileToId.set(path, id);
        const digest = context.generateDigest(`${RENDERER}\n${read.text}`);
        const filePath = relative(root, path);
        const cached = store.get(id);
        if (cached?.digest === digest && cached.filePath === filePath && hasStory(cache, digest)) {
          // As glob() does for an unchanged file: its photo stays an import of this build (not in the public type).
          if (cached.assetImports?.length) (store as WithAssetImports).addAssetImports?.(cached.assetImports, filePath);
          return;
        }
        const split = splitFrontmatter(read.text);
        if (!split) throw new EntryFileError(`${path}: no front matter`);
        const yaml = parseYamlData(split.frontmatter, YAML_LIMITS.frontmatter);
        if (!yaml.ok) throw new EntryFileError(`${path}: ${yaml.problems[0]?.message ?? ''}`);
        const story = renderStory(split.body, storyFirstLine(split.frontmatter));
        if (!story.ok) throw new EntryFileError(`${path}: ${story.problems[0]?.message ?? ''}`);
        const data = await context.parseData({
          id,
          data: (yaml.value ?? {}) as Record<string, unknown>,
          filePath: path,
        });
        // Pages never read the raw story, and the data store (which the build bundles whole) not even
        // its HTML: the page reads that by digest (story-store.ts).
        keepStory(cache, digest, story.html);
        store.set({ id, data, filePath, digest });
      }

      const { files } = listEntryFiles(dir);
      const current = new Set<string>();
      for (const path of files) {
        await sync(path);
        current.add(idOf(path));
      }
      for (const id of store.keys()) if (!current.has(id)) store.delete(id);
      pruneStories(
        cache,
        new Set(
          store
            .values()
            .map((e) => e.digest)
            .filter((d) => d !== undefined),
        ),
      );

      // `astro dev`: editors see a saved file at once; a refused one is logged and keeps its last good version.
      if (!watcher) return;
      watcher.add(dir);
      const onChange = (path: string) => {
        if (!path.startsWith(dir) || !path.toLowerCase().endsWith('.mdx')) return;
        sync(path).then(
          () => logger.info(`已重新读取 ${relative(dir, path)}`),
          (e: unknown) => logger.error((e as Error).message),
        );
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (path: string) => {
        const id = fileToId.get(path);
        if (id) store.delete(id);
      });
    },
  };
}
