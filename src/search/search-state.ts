/**
 * Search state in the URL (/search/?q=张建&region=尧都区), so a result list
 * can be shared and the back button works. Pure; used by the search page
 * script and its tests.
 */

/** Pagefind filters the site defines, in the order the page shows them. */
export const FILTERS = ['level', 'title', 'region', 'category', 'year', 'kind'] as const;
export type FilterName = (typeof FILTERS)[number];

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterName, string[]>>;
}

const isFilter = (k: string): k is FilterName => (FILTERS as readonly string[]).includes(k);

/** Reads `?q=…&region=…&region=…` (unknown keys are ignored). */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const [key, value] of params) {
    if (!isFilter(key) || !value) continue;
    const list = (filters[key] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** Writes the state back as a query string, filters in a stable order, or '' for an empty search. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of FILTERS) for (const v of [...(state.filters[name] ?? [])].sort()) params.append(name, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Adds or removes one filter value. */
export function toggleFilter(state: SearchState, name: FilterName, value: string, on: boolean): SearchState {
  const current = state.filters[name] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters: SearchState['filters'] = {};
  for (const key of FILTERS) {
    const values = key === name ? next : state.filters[key];
    if (values?.length) filters[key] = values;
  }
  return { ...state, filters };
}

/** Pagefind's filter object: several values of one filter match any of them. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [name, values] of Object.entries(state.filters)) if (values.length) out[name] = { any: values };
  return out;
}

/** Puts results whose name is exactly the query first, keeping Pagefind's order otherwise. */
export function exactNameFirst<T extends { title: string }>(query: string, results: readonly T[]): T[] {
  const q = query.replace(/\s+/g, '');
  const exact = results.filter((r) => r.title === q);
  return [...exact, ...results.filter((r) => r.title !== q)];
}
