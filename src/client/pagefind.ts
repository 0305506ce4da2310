/**
 * Pagefind's browser API, typed: the `pagefind.js` a Pagefind build writes
 * into each index bundle, loaded on demand and checked to have the functions
 * this file types. Browser-only and import-free, so its test runs this very
 * file against a real bundle (pagefind.test.ts).
 *
 * A bundle's module is loaded once per page and holds one search instance:
 * two calls with the same bundle share it; other indexes join it with
 * `mergeIndex`.
 */

/** Filters of a search: each filter with the values any (or all) of which a page must carry. */
export type PagefindFilters = Record<string, string | string[] | { any: string[] } | { all: string[] }>;

/** Counts of pages per value of each filter. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Options of an index: for `options` before the first search, and for `mergeIndex`. */
export interface PagefindIndexOptions {
  /** The bundle's URL (default: where its pagefind.js was loaded from). */
  basePath?: string;
  /** Put before every result's URL. */
  baseUrl?: string;
  /** Words in an excerpt (default 30). */
  excerptLength?: number;
  /** Multiplies the scores of this index's results (merged indexes). */
  indexWeight?: number;
  /** Filters every search of this index carries (merged indexes). */
  mergeFilter?: PagefindFilters;
  /** Adds the query to result URLs under this parameter, for pagefind-highlight.js. */
  highlightParam?: string;
  /** Search on the main thread instead of Pagefind's web worker. */
  noWorker?: boolean;
}

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  /** A sort key (`data-pagefind-sort`) and its direction, instead of relevance. */
  sort?: Record<string, 'asc' | 'desc'>;
}

/** What a page's fragment says about it: its URL, text, excerpt, filters and metadata. */
export interface PagefindFragment<Meta> {
  url: string;
  raw_url?: string;
  content: string;
  /** The matching words wrapped in `<mark>`: HTML. */
  excerpt: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Meta;
}

/** One result: its score now, its page's data when asked (one fetch per result, so only for those shown). */
export interface PagefindResult<Meta> {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<PagefindFragment<Meta>>;
}

export interface PagefindAnswer<Meta> {
  results: Array<PagefindResult<Meta>>;
  /** Results had the filters been left out. */
  unfilteredResultCount: number;
  /** Counts within these results. */
  filters: FilterCounts;
  /** Counts for the query without the filters. */
  totalFilters: FilterCounts;
}

/** The metadata every page has (Pagefind takes the title from the first h1 unless told). */
export interface PagefindMeta {
  title: string;
}

export interface Pagefind<Meta extends PagefindMeta = PagefindMeta> {
  /** Sets index options; before `init` or the first search. */
  options: (options: PagefindIndexOptions) => Promise<void>;
  /** Starts the instance (in its web worker where the browser has one); later calls do nothing. */
  init: () => Promise<void>;
  /** Adds another bundle's index to this instance's searches. */
  mergeIndex: (bundle: string, options?: PagefindIndexOptions) => Promise<void>;
  /** Pages that match the words (none: every page) and the filters, best first. */
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindAnswer<Meta>>;
  /**
   * `search` after `ms` without another call (default 300); null when a later call superseded
   * this one.
   */
  debouncedSearch: (
    term: string | null,
    options?: PagefindSearchOptions,
    ms?: number,
  ) => Promise<PagefindAnswer<Meta> | null>;
  /** Loads what a search for `term` will need, without searching. */
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  /** Counts of every filter value over the whole index. */
  filters: () => Promise<FilterCounts>;
  /** Stops the instance and frees its memory; the next call starts it again. */
  destroy: () => Promise<void>;
}

const FUNCTIONS = [
  'options',
  'init',
  'mergeIndex',
  'search',
  'debouncedSearch',
  'preload',
  'filters',
  'destroy',
] as const;

type Module = Record<(typeof FUNCTIONS)[number], (...args: unknown[]) => Promise<unknown>>;

/**
 * The Pagefind of the bundle at `bundle` (a folder URL ending in `/`), started. `Meta` is the
 * metadata the site's pages carry (`data-pagefind-meta`), as the site writes it.
 */
export async function loadPagefind<Meta extends PagefindMeta = PagefindMeta>(
  bundle: string,
  options?: PagefindIndexOptions,
): Promise<Pagefind<Meta>> {
  const url = `${bundle}pagefind.js`;
  const loaded = (await import(/* @vite-ignore */ url)) as Partial<Module>;
  const missing = FUNCTIONS.filter((name) => typeof loaded[name] !== 'function');
  if (missing.length) throw new Error(`${url} is not Pagefind's browser API: no ${missing.join(', ')}`);
  const api = loaded as Module;
  const pagefind: Pagefind<Meta> = {
    options: async (o) => {
      await api.options(o);
    },
    init: async () => {
      await api.init();
    },
    mergeIndex: async (path, o) => {
      await api.mergeIndex(path, o);
    },
    search: async (term, o = {}) => {
      const answer = await api.search(term, o);
      // Only a search with Pagefind's own `preload` option answers null; this type has none.
      if (!answer) throw new Error(`Pagefind answered nothing for ${JSON.stringify(term)}`);
      return answer as PagefindAnswer<Meta>;
    },
    debouncedSearch: async (term, o = {}, ms) =>
      (await api.debouncedSearch(term, o, ms)) as PagefindAnswer<Meta> | null,
    preload: async (term, o = {}) => {
      await api.preload(term, o);
    },
    filters: async () => (await api.filters()) as FilterCounts,
    destroy: async () => {
      await api.destroy();
    },
  };
  if (options) await pagefind.options(options);
  await pagefind.init();
  return pagefind;
}
