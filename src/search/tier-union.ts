/**
 * The search page's answer is the union of its tiers' answers, one result per
 * entry page: the names table answers first and its results stay where they
 * were shown; the story indexes' answer adds the pages the names table did not
 * have, below them. Counts and facets are the union's, so the number said is
 * the number of cards "show more" reaches.
 *
 * A Pagefind result gives its URL only with its data (a fetch per result), so
 * every entry page carries its own URL as a filter value (`PAGE_FILTER`): the
 * answer's filter counts then name every page it found, without loading one.
 * Pure: the search page (src/client/search.ts) and its tests share it.
 */
import { FILTERS } from './search-state.ts';

/** The Pagefind filter whose one value on an entry page is the page's URL (EntryDetail.astro). */
export const PAGE_FILTER = 'page';

/** Counts of pages per value of each filter. */
export type FilterCounts = Record<string, Record<string, number>>;

/** A result whose URL and filter values are known before its data loads: a names-table row. */
export interface KnownResult {
  url: string;
  filters: Partial<Record<string, readonly string[]>>;
}

/** The earlier tier: its results within the chosen filters, and without them. */
export interface EarlierTier {
  chosen: readonly KnownResult[];
  found: readonly KnownResult[];
}

/** What the later tier (Pagefind) says of its results: counts within the chosen filters, and without them. */
export interface LaterTier {
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** The union's size and facet counts. */
export interface UnionCounts {
  count: number;
  /** Counts within the union's results. */
  filters: FilterCounts;
  /** Counts for the query without the chosen filters. */
  totalFilters: FilterCounts;
}

/** The pages an answer found, read from its page filter's counts. */
export function pagesOf(counts: FilterCounts): Set<string> {
  return new Set(
    Object.entries(counts[PAGE_FILTER] ?? {})
      .filter(([, n]) => n > 0)
      .map(([url]) => url),
  );
}

/** Facet counts of known results: pages per value of each facet the page shows. */
export function countsOf(results: readonly KnownResult[]): FilterCounts {
  const counts: FilterCounts = {};
  for (const name of FILTERS) counts[name] = {};
  for (const r of results)
    for (const name of FILTERS) {
      const c = (counts[name] ??= {});
      for (const v of new Set(r.filters[name] ?? [])) c[v] = (c[v] ?? 0) + 1;
    }
  return counts;
}

/** The facets of `a` and `b` added value by value (the page filter left out: it is no facet). */
function added(a: FilterCounts, b: FilterCounts): FilterCounts {
  const out: FilterCounts = {};
  for (const counts of [a, b])
    for (const [name, values] of Object.entries(counts)) {
      if (name === PAGE_FILTER) continue;
      const c = (out[name] ??= {});
      for (const [v, n] of Object.entries(values)) c[v] = (c[v] ?? 0) + n;
    }
  return out;
}

/** The earlier tier's counts alone (before the later one answers, or when it cannot). */
export function earlierCounts(earlier: EarlierTier): UnionCounts {
  return { count: earlier.chosen.length, filters: countsOf(earlier.chosen), totalFilters: countsOf(earlier.found) };
}

/**
 * The counts of both tiers' union, each page once: the later tier's counts plus
 * those of the earlier results it did not find. Also the URLs its results must
 * not repeat (the earlier tier's, shown or queued above them).
 */
export function unionCounts(earlier: EarlierTier, later: LaterTier): UnionCounts & { shownAbove: Set<string> } {
  const pages = pagesOf(later.filters);
  // Pagefind fills the counts without filters only when filters are chosen; without, they are the same.
  const allPages = later.totalFilters[PAGE_FILTER] ? pagesOf(later.totalFilters) : pages;
  const onlyEarlier = earlier.chosen.filter((r) => !pages.has(r.url));
  const onlyEarlierAll = earlier.found.filter((r) => !allPages.has(r.url));
  return {
    count: pages.size + onlyEarlier.length,
    filters: added(later.filters, countsOf(onlyEarlier)),
    totalFilters: added(
      Object.keys(later.totalFilters).length ? later.totalFilters : later.filters,
      countsOf(onlyEarlierAll),
    ),
    shownAbove: new Set(earlier.chosen.map((r) => r.url)),
  };
}
