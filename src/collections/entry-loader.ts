/**
 * Loads the entry files. A story is data, never code: no story is compiled
 * as MDX (which would run its expressions and imports at build time). Each
 * file is read with the same functions the content check uses — the regular
 * files inside the content root, the safe YAML reader, the story parser and
 * renderer of `src/parse/story.ts` — and the story's HTML is kept under the
 * file's digest beside the data store (story-store.ts; cached between builds). So every story takes the
 * fast path that plain-Markdown stories took before (no module per entry
 * through the bundler), and the engine's own markup stands in for the story
 * components, from any content root. A photo is read here too (digest and
 * size, src/photos/photo-file.ts) and never imported as a module.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY_FILE_MAX_BYTES, listEntryFiles, photoPathProblem, readContentText } from '../parse/content-files.ts';
import { splitFrontmatter, storyFirstLine } from '../parse/frontmatter.ts';
import { renderStory } from '../parse/story.ts';
import { hasStory, keepStory, pruneStories } from './story-store.ts';
import { parseYamlData, YAML_LIMITS } from '../parse/yaml.ts';
import { PHOTO_FILES, photoFiles, type PhotoFile } from '../photos/photo-file.ts';

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

/** Thrown only for content the gate has already refused (the gate runs before content sync). */
class EntryFileError extends Error {
  override name = 'EntryFileError';
}

export function entryLoader({ dir, idOf }: EntryLoaderOptions): Loader {
  /**
   * `astro dev`: the watcher's handlers, registered once and calling the latest load's own; the
   * content gate reloads the content (refreshContent) when a preview's problems are fixed.
   */
  let watching: { change: (path: string) => void; unlink: (path: string) => void } | undefined;
  return {
    name: 'honour-entries',
    load: async (context: LoaderContext) => {
      const { store, watcher, logger, config } = context;
      const root = fileURLToPath(config.root);
      const cache = fileURLToPath(config.cacheDir);
      const fileToId = new Map<string, string>();
      const photos = photoFiles(join(cache, PHOTO_FILES));
      /** The photo an entry file names, read; a path the content check refuses is refused here too. */
      async function readPhotoOf(path: string, src: unknown): Promise<(PhotoFile & { path: string }) | undefined> {
        if (typeof src !== 'string') return undefined;
        const refused = photoPathProblem(dir, path, src);
        if (refused) throw new EntryFileError(`${path}: ${refused}`);
        try {
          return { path: src, ...(await photos.read(resolve(dirname(path), src))) };
        } catch (error) {
          throw new EntryFileError(`${path}: photo ${src}: ${(error as Error).message}`);
        }
      }

      async function sync(path: string): Promise<void> {
        const read = readContentText(path, ENTRY_FILE_MAX_BYTES);
        if (!read.ok) throw new EntryFileError(`${path}: ${read.message}`);
        const id = idOf(path);
        fileToId.set(path, id);
        // The digest covers the photo file too: Astro's store keeps an entry whose digest is unchanged.
        const digestOf = (photo: PhotoFile | undefined) =>
          context.generateDigest(
            `${RENDERER}\n${photo ? `${photo.digest} ${photo.width}x${photo.height}` : ''}\n${read.text}`,
          );
        const filePath = relative(root, path);
        const cached = store.get(id);
        if (cached?.digest && cached.filePath === filePath && hasStory(cache, String(cached.digest))) {
          // Unchanged when the file and the photo it names (as it is now) give the same digest.
          const was = (cached.data as { photo?: { src: PhotoFile & { path: string } } }).photo?.src;
          const now = was && (await readPhotoOf(path, was.path));
          if (cached.digest === digestOf(now)) return;
        }
        const split = splitFrontmatter(read.text);
        if (!split) throw new EntryFileError(`${path}: no front matter`);
        const yaml = parseYamlData(split.frontmatter, YAML_LIMITS.frontmatter);
        if (!yaml.ok) throw new EntryFileError(`${path}: ${yaml.problems[0]?.message ?? ''}`);
        const story = renderStory(split.body, storyFirstLine(split.frontmatter));
        if (!story.ok) throw new EntryFileError(`${path}: ${story.problems[0]?.message ?? ''}`);
        const fields = (yaml.value ?? {}) as Record<string, unknown>;
        const photo = fields.photo as { src?: unknown } | undefined;
        const photoFile = photo && typeof photo === 'object' ? await readPhotoOf(path, photo.src) : undefined;
        if (photoFile) fields.photo = { ...photo, src: photoFile };
        const digest = digestOf(photoFile);
        const data = await context.parseData({ id, data: fields, filePath: path });
        // Pages never read the raw story, and the data store (which the build bundles whole) not even
        // its HTML: the page reads that by digest (story-store.ts).
        keepStory(cache, digest, story.html);
        store.set({ id, data, filePath, digest });
      }

      const { files } = listEntryFiles(dir);
      const current = new Set<string>();
      for (const path of files) {
        try {
          await sync(path);
        } catch (error) {
          // `astro dev`: the content gate shows the preview's problems as a page; the loader goes on,
          // so its watcher is set up and picks up the fixed file.
          if (!watcher) throw error;
          logger.error((error as Error).message);
        }
        current.add(idOf(path));
      }
      for (const id of store.keys()) if (!current.has(id)) store.delete(id);
      photos.save();
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
      const registered = watching !== undefined;
      watching = {
        change: (path: string) => {
          if (!path.startsWith(dir) || !path.toLowerCase().endsWith('.mdx')) return;
          sync(path).then(
            () => {
              photos.save(); // the preview server's photos (integrations/photo-preview.ts) read it
              logger.info(`已重新读取 ${relative(dir, path)}`);
            },
            (e: unknown) => logger.error((e as Error).message),
          );
        },
        unlink: (path: string) => {
          const id = fileToId.get(path);
          if (id) store.delete(id);
        },
      };
      if (registered) return;
      watcher.add(dir);
      watcher.on('change', (path: string) => watching?.change(path));
      watcher.on('add', (path: string) => watching?.change(path));
      watcher.on('unlink', (path: string) => watching?.unlink(path));
    },
  };
}
