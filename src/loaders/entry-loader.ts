/**
 * Loads the entry files. Every entry is authored as MDX, but most stories are
 * plain Markdown: no components, no JSX, no expressions. Compiling each of
 * those into its own MDX module is what made a 10,000-entry build slow and
 * large (one module per entry through the bundler). So a build renders plain
 * stories once, at content sync, with Astro's Markdown pipeline and keeps the
 * HTML in the data store (cached between builds by file digest); only stories
 * that use components become MDX modules. `astro dev` keeps the MDX path for
 * every file, so editors see a new component as soon as they type it.
 */
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPlainMarkdown, splitFrontmatter } from '../lib/markup.ts';

type DataStore = LoaderContext['store'];

/**
 * Astro passes loaders its entry types (how `.md` and `.mdx` files are read and rendered),
 * and glob() picks one per file extension. Not in the public type (Astro 7.3); the build
 * tests cover both paths, so a change upstream fails them.
 */
type ContextWithEntryTypes = LoaderContext & { entryTypes: Map<string, unknown> };

interface EntryLoaderOptions {
  /** Absolute path of the folder holding the `.mdx` files (any depth). */
  dir: string;
  /** The collection id of a file, from its path relative to `dir`. */
  idOf: (path: string) => string;
  /** Render plain stories as Markdown at sync (builds); false renders every file as MDX (dev). */
  plainAsMarkdown: boolean;
}

/** Every `.mdx` file below `dir`, as POSIX paths relative to it, sorted. */
function mdxFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.toLowerCase().endsWith('.mdx'))
      .map((f) => f.split('\\').join('/'))
      .sort();
  } catch {
    return []; // the content gate reports a missing folder
  }
}

/** The store as one sub-loader sees it: it may add and update, but stale ids are removed once, below. */
function withoutKeys(store: DataStore): DataStore {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'keys') return () => [];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function entryLoader({ dir, idOf, plainAsMarkdown }: EntryLoaderOptions): Loader {
  const base = pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`);
  const generateId = ({ entry }: { entry: string }) => idOf(entry);
  return {
    name: 'honour-entries',
    load: async (loaderContext) => {
      const context = loaderContext as ContextWithEntryTypes;
      if (!plainAsMarkdown) return glob({ pattern: '**/*.mdx', base, generateId }).load(loaderContext);
      const files = mdxFiles(dir);
      const plain: string[] = [];
      const rich: string[] = [];
      for (const f of files) {
        // A file without front matter goes the MDX way; the content gate has already refused it.
        const body = splitFrontmatter(readFileSync(join(dir, f), 'utf8'))?.body;
        (body !== undefined && isPlainMarkdown(body) ? plain : rich).push(f);
      }
      const markdown = context.entryTypes.get('.md');
      const mdx = context.entryTypes.get('.mdx');
      if (!markdown || !mdx) throw new Error('entry loader: the Markdown or MDX entry type is not registered');
      // An entry cached by `astro dev` (all MDX) or before a story gained or lost a component is
      // kept by glob() while its file is unchanged: drop it, so it is loaded the way it is now.
      const plainIds = new Set(plain.map(idOf));
      for (const id of context.store.keys()) {
        const cached = context.store.get(id);
        if (cached && plainIds.has(id) === Boolean(cached.deferredRender)) context.store.delete(id);
      }
      const store = withoutKeys(context.store);
      // Pages never read the raw story (retainBody: false): the data store, which the build bundles, stays half the size.
      // Glob patterns are file names here; brackets or stars in a name must not act as wildcards.
      const literal = (f: string) => f.replace(/[*?[\]{}()!+@]/g, '\\$&');
      // Few stories use components: the Markdown pass excludes them by name, the MDX pass lists them.
      // (Ten thousand literal patterns would cost tinyglobby a quadratic match, 25 s at 10k entries.)
      if (plain.length)
        await glob({
          pattern: ['**/*.mdx', ...rich.map((f) => `!${literal(f)}`)],
          base,
          generateId,
          retainBody: false,
        }).load({
          ...context,
          store,
          entryTypes: new Map([['.mdx', markdown]]),
        } as ContextWithEntryTypes);
      if (rich.length)
        await glob({ pattern: rich.map(literal), base, generateId, retainBody: false }).load({
          ...context,
          store,
          entryTypes: new Map([['.mdx', mdx]]),
        } as ContextWithEntryTypes);
      const current = new Set(files.map(idOf));
      for (const id of context.store.keys()) if (!current.has(id)) context.store.delete(id);
    },
  };
}
