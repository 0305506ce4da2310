/**
 * Where the search page's answers come from, in two tiers (src/search/search-index.ts):
 * the names table answers a name first from one small file (src/search/names-table.ts);
 * the story indexes, grouped by release, are merged into one Pagefind instance that
 * adds what the names table did not find, and answers a search by filters alone.
 * Results load their data when shown; the page joins the two (src/search/tier-union.ts).
 */
import {
  answer,
  fileOf,
  keyOf,
  queryWords,
  readRow,
  rowPassesFilters,
  type NameRow,
  type NamesFile,
  type NamesIndex,
} from '../search/names-table.ts';
import type { SearchState } from '../search/search-state.ts';
import { isCharacterWord, storyTerms } from '../search/story-terms.ts';
import { pagesOf, type EarlierTier, type LaterTier } from '../search/tier-union.ts';
import { routes } from '../model/routes.ts';
import { loadPagefind, type FilterCounts, type Pagefind, type PagefindFilters } from './pagefind.ts';
import type { ResultData, ResultMeta } from './result-card.ts';

/** A result of either tier: its URL when known before its data loads (a names-table row), and its data. */
export interface Result {
  url?: string;
  data: () => Promise<ResultData>;
}

/** The names table's answer: its rows as results, and as the union reads them. */
export interface NamesAnswer extends EarlierTier {
  results: Result[];
}

/** The story indexes' answer: results best first, and counts that name every page found (tier-union.ts). */
export interface StoriesAnswer extends LaterTier {
  results: Result[];
}

export interface SearchAnswers {
  /** Entries per filter value over the whole roll: the facets of an empty search. */
  facets: FilterCounts;
  /** The names table's answer: rows matching the query's words and the chosen filters. */
  names: (q: string, filters: SearchState['filters']) => Promise<NamesAnswer>;
  /** The story indexes' answer to the query (null: by filters alone). */
  stories: (q: string | null, filters: PagefindFilters) => Promise<StoriesAnswer>;
}

/** A names-table row as the result list shows it (the same card as a Pagefind result's). */
const resultOf = (row: NameRow): ResultData => ({
  url: row.url,
  meta: {
    title: row.name,
    image: row.image,
    region: row.filters.region?.[0],
    honour: row.honour,
    level: row.level,
    summary: row.summary,
  },
});

/** A story result as shown: a portal's record opens its member's page (meta `link`, src/portal/portal.ts). */
export const linkedResult = ({ url, meta, content }: ResultData & { content?: string }): ResultData => ({
  url: meta.link && /^https?:\/\//.test(meta.link) ? meta.link : url,
  meta,
  text: content,
});

/** The story tier's answer when nobody is found (a new one each time: a caller may keep it). */
const nobody = () => ({ results: [], filters: {}, totalFilters: {} });

/** How many of `parts`, each asked alone, no page of the index has. */
async function absentFrom(pagefind: Pagefind<ResultMeta>, parts: string[]): Promise<number> {
  const alone = await Promise.all(parts.map((part) => pagefind.search(part)));
  return alone.filter((a) => a.results.length === 0).length;
}

/** Both tiers, once the names table's index has loaded (which fails when it cannot). */
export async function loadSearchAnswers(): Promise<SearchAnswers> {
  const response = await fetch(`${routes.namesTable}index.json`);
  if (!response.ok) throw new Error(`names table: HTTP ${response.status}`);
  const index = (await response.json()) as NamesIndex;
  const split: ReadonlySet<string> = new Set(index.split);
  const nameFiles = new Map<string, Promise<NameRow[]>>();
  let stories: Promise<Pagefind<ResultMeta>> | undefined;

  /** The rows of the names table's file for `key` (none when no name starts so: the file does not exist). */
  function namesFile(key: string): Promise<NameRow[]> {
    let rows = nameFiles.get(key);
    if (!rows) {
      rows = fetch(`${routes.namesTable}${fileOf(key)}`).then(async (r) => {
        if (r.status === 404) return [];
        if (!r.ok) throw new Error(`names table: HTTP ${r.status}`);
        return ((await r.json()) as NamesFile).rows.map(readRow);
      });
      rows.catch(() => nameFiles.delete(key));
      nameFiles.set(key, rows);
    }
    return rows;
  }

  /** The story indexes, merged into one instance; fetched the first time a query has words or filters. */
  function storyIndex(): Promise<Pagefind<ResultMeta>> {
    stories ??= (async () => {
      const r = await fetch(`${routes.storyIndexes}shards.json`);
      if (!r.ok) throw new Error(`story index list: HTTP ${r.status}`);
      const [first = '', ...rest] = (await r.json()) as string[];
      // Pagefind searches in its web worker: on the main thread its WebAssembly blocked a phone for
      // 410-440 ms (Lighthouse TBT, 4x CPU slowdown; performance 79-83), in the worker 60-120 ms (92),
      // for 42 KB more before the first result.
      const pagefind = await loadPagefind<ResultMeta>(routes.storyIndex(first));
      await Promise.all(rest.map((shard) => pagefind.mergeIndex(routes.storyIndex(shard))));
      // Pagefind counts facets only once their filter files are loaded.
      await pagefind.filters();
      return pagefind;
    })();
    return stories;
  }

  return {
    facets: index.facets,
    names: async (q, filters) => {
      const [first = ''] = queryWords(q);
      const found = answer(await namesFile(keyOf(first, split)), q);
      const chosen = found.filter((row) => rowPassesFilters(row, filters));
      return {
        results: chosen.map((row) => ({ url: row.url, data: () => Promise.resolve(resultOf(row)) })),
        chosen,
        found,
      };
    },
    stories: async (q, filters) => {
      try {
        const pagefind = await storyIndex();
        // A query with a term no page has finds nothing (Pagefind would answer with its other terms).
        const terms = q === null ? [] : storyTerms(q);
        if (terms.length > 1 && (await absentFrom(pagefind, terms)) > 0) return nobody();
        // Pagefind returns no facet counts when given an empty filter object.
        const options = Object.keys(filters).length ? { filters } : {};
        // A word in characters is asked as a phrase first: Pagefind matches its characters anywhere in a
        // page, so 大宁 found 陈思雨 of 乡宁县 (大大的善意, 乡宁县). Only when the phrase is nowhere is it
        // asked as words, which still finds a name typed with one character wrong (何树珍: 何淑珍).
        const phrase = q !== null && isCharacterWord(q) ? await pagefind.search(`"${q.trim()}"`, options) : null;
        const phraseFound = phrase !== null && pagesOf(phrase.totalFilters).size > 0;
        if (phrase && !phraseFound) {
          // Asked as words, Pagefind leaves out the characters no page has and answers with the rest: 胡志刚
          // found 20 pages with a 志 (志愿). One character wrong is a typo (何树珍 of 何淑珍); more is nobody here.
          const chars = [...new Set(Array.from((q ?? '').trim()))];
          if ((await absentFrom(pagefind, chars)) > (chars.length >= 3 ? 1 : 0)) return nobody();
        }
        const found = phraseFound ? phrase : await pagefind.search(q, options);
        return { ...found, results: found.results.map((r) => ({ data: async () => linkedResult(await r.data()) })) };
      } catch (e) {
        stories = undefined; // the next query tries the story indexes again
        throw e;
      }
    },
  };
}
