/**
 * The search page: results as the resident types, facets with counts, and
 * the whole state in the URL. Loads Pagefind only once a query needs the
 * story indexes.
 *
 * Two tiers (src/search/search-index.ts): the names table answers a name
 * first from one small file (src/search/names-table.ts); the story indexes,
 * grouped by release, are merged into one Pagefind instance that gives the
 * complete answer (names still first), which then replaces the first, and
 * answers a search by filters alone. The list stays aria-busy until the
 * complete answer.
 */
import {
  FILTERS,
  exactNameFirst,
  pagefindFilters,
  parseState,
  serializeState,
  toggleFilter,
  type FilterName,
  type SearchState,
} from '../search/search-state.ts';
import {
  answer,
  facetCounts,
  fileOf,
  keyOf,
  queryWords,
  readRow,
  rowPassesFilters,
  type NameRow,
  type NamesFile,
  type NamesIndex,
} from '../search/names-table.ts';
import { t } from '../strings.ts';
import { routes } from '../model/routes.ts';
import type { Kind } from '../model/schema.ts';
import { loadPagefind, type FilterCounts, type Pagefind } from './pagefind.ts';
import { resultCards, type ResultData, type ResultMeta } from './result-card.ts';

/** An answer of either tier: results whose data loads when shown, and facet counts. */
interface Found {
  results: Array<{ data: () => Promise<ResultData> }>;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

const PAGE = 10;

/** An element the search page template always renders. */
function required<T extends Element>(selector: string, type: abstract new () => T): T {
  const found = document.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`search page is missing ${selector}`);
  return found;
}

const form = required('#search-form', HTMLFormElement);
const input = required('#search-q', HTMLInputElement);
const status = required('#search-status', HTMLElement);
const list = required('#search-results', HTMLOListElement);
const facets = required('#search-facets', HTMLElement);
const chips = required('#search-chips', HTMLUListElement);
const filterCount = required('#search-filter-count', HTMLElement);
const more = required('#search-more', HTMLButtonElement);
/** A result's card: a filled copy of the site's own card (EntryCard.astro), rendered into the page once. */
const card = resultCards(required('#search-card', HTMLTemplateElement));

let state: SearchState = parseState(location.search);
let names: NamesIndex;
let split: ReadonlySet<string> = new Set();
const nameFiles = new Map<string, Promise<NameRow[]>>();
let stories: Promise<Pagefind<ResultMeta>> | undefined;
let run = 0;
let pending: Array<{ data: () => Promise<ResultData> }> = [];
let debounce: ReturnType<typeof setTimeout> | undefined;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...kids: Node[]
) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...kids);
  return node;
}

async function showMore(token: number) {
  const batch = pending.splice(0, PAGE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (token !== run) return;
  list.append(
    ...exactNameFirst(
      state.q,
      data.map((d) => ({ ...d, title: d.meta.title })),
    ).map(card),
  );
  more.hidden = pending.length === 0;
}

const KIND_OF_LABEL = new Map(Object.entries(t.kinds).map(([kind, label]) => [label, kind as Kind]));

/** People, families and groups among `n` results, from the kind facet's counts (all people if it has none). */
function kindCountsOf(filters: FilterCounts, n: number): Record<Kind, number> {
  const counts: Record<Kind, number> = { person: 0, family: 0, group: 0 };
  for (const [label, count] of Object.entries(filters.kind ?? {})) {
    const kind = KIND_OF_LABEL.get(label);
    if (kind) counts[kind] += count;
  }
  if (counts.person + counts.family + counts.group !== n) return { person: n, family: 0, group: 0 };
  return counts;
}

/**
 * A facet with a value chosen shows what its other values would add (counts for
 * the query alone); the others show counts within the current results.
 */
function renderFacets(narrowed: FilterCounts, unfiltered: FilterCounts = narrowed) {
  facets.replaceChildren();
  for (const name of FILTERS) {
    const chosen = state.filters[name] ?? [];
    const counts = chosen.length ? unfiltered : narrowed;
    const shown = Object.entries(counts[name] ?? {}).filter(([v, n]) => n > 0 || chosen.includes(v));
    if (!shown.length) continue;
    const fieldset = el('fieldset', { className: 'facet' }, el('legend', { textContent: t.search.filterNames[name] }));
    shown
      .sort(([a], [b]) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')))
      .forEach(([value, n]) => {
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = chosen.includes(value);
        const filter: FilterName = name;
        box.addEventListener('change', () => update(toggleFilter(state, filter, value, box.checked), 'push'));
        fieldset.append(el('label', {}, box, document.createTextNode(` ${value}（${n}）`)));
      });
    facets.append(fieldset);
  }
}

/** The chosen filters as removable chips, and their number on the 筛选 button. Drawn from the URL state alone. */
function renderChips() {
  const chosen = FILTERS.flatMap((name) => (state.filters[name] ?? []).map((value) => [name, value] as const));
  filterCount.textContent = chosen.length ? t.search.filterCount(chosen.length) : '';
  chips.replaceChildren(
    ...chosen.map(([name, value]) => {
      const remove = el('button', { type: 'button', className: 'chip', textContent: `${value} ✕` });
      remove.setAttribute('aria-label', t.search.removeFilter(t.search.filterNames[name], value));
      remove.addEventListener('click', () => update(toggleFilter(state, name, value, false), 'push'));
      return el('li', {}, remove);
    }),
  );
  chips.hidden = chosen.length === 0;
}

/** The rows of the names table's file for `key` (none when no name starts so: the file does not exist). */
function namesFile(key: string): Promise<NameRow[]> {
  let rows = nameFiles.get(key);
  if (!rows) {
    rows = fetch(`${routes.namesTable}${fileOf(key)}`).then(async (response) => {
      if (response.status === 404) return [];
      if (!response.ok) throw new Error(`names table: HTTP ${response.status}`);
      return ((await response.json()) as NamesFile).rows.map(readRow);
    });
    rows.catch(() => nameFiles.delete(key));
    nameFiles.set(key, rows);
  }
  return rows;
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

/** The names table's answer, as a Pagefind answer: the rows that match the query and the chosen filters. */
async function namesAnswer(q: string): Promise<Found> {
  const [first = ''] = queryWords(q);
  const found = answer(await namesFile(keyOf(first, split)), q);
  const chosen = found.filter((row) => rowPassesFilters(row, state.filters));
  return {
    results: chosen.map((row) => ({ data: () => Promise.resolve(resultOf(row)) })),
    filters: facetCounts(chosen),
    totalFilters: facetCounts(found),
  };
}

/** The story indexes, merged into one instance; fetched the first time a query has words or filters. */
function storyIndex(): Promise<Pagefind<ResultMeta>> {
  stories ??= (async () => {
    const response = await fetch(`${routes.storyIndexes}shards.json`);
    if (!response.ok) throw new Error(`story index list: HTTP ${response.status}`);
    const [first = '', ...rest] = (await response.json()) as string[];
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

/** Shows one answer; `partial` while the story indexes may still add results. */
async function show(found: Found, token: number, partial: boolean) {
  const n = found.results.length;
  list.replaceChildren();
  pending = [...found.results];
  renderFacets(found.filters, found.totalFilters);
  await showMore(token);
  if (token !== run) return;
  // Announced once results are on the page.
  const counts = kindCountsOf(found.filters, n);
  status.textContent = partial
    ? n
      ? t.search.foundSoFar(counts)
      : t.search.searchingStories
    : n
      ? t.search.found(counts)
      : t.search.none;
  list.setAttribute('aria-busy', String(partial));
}

async function search() {
  const token = ++run;
  list.replaceChildren();
  more.hidden = true;
  const filters = pagefindFilters(state);
  list.setAttribute('aria-busy', 'true');
  const words = queryWords(state.q).length > 0;
  if (!words && !Object.keys(filters).length) {
    status.textContent = t.search.hint;
    renderFacets(names.facets);
    list.setAttribute('aria-busy', 'false');
    return;
  }
  status.textContent = t.search.loading;
  let first: Found | undefined;
  if (words) {
    try {
      first = await namesAnswer(state.q);
    } catch {
      // The story indexes answer alone.
    }
    if (token !== run) return;
    if (first) await show(first, token, true);
    if (token !== run) return;
  }
  // Pagefind returns no facet counts when given an empty filter object.
  const options = Object.keys(filters).length ? { filters } : {};
  let all: Found | undefined;
  try {
    all = await (await storyIndex()).search(words ? state.q : null, options);
  } catch {
    stories = undefined; // the names answer stands; the next query tries the story indexes again
  }
  if (token !== run) return;
  if (all) await show(all, token, false);
  else if (first) await show(first, token, false);
  else {
    status.textContent = t.search.failed;
    list.setAttribute('aria-busy', 'false');
  }
}

function update(next: SearchState, history: 'push' | 'replace') {
  state = next;
  renderChips();
  const url = `${location.pathname}${serializeState(state)}`;
  if (history === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  void search();
}

async function start() {
  input.value = state.q;
  renderChips();
  try {
    const response = await fetch(`${routes.namesTable}index.json`);
    if (!response.ok) throw new Error(`names table: HTTP ${response.status}`);
    names = (await response.json()) as NamesIndex;
    split = new Set(names.split);
  } catch {
    status.textContent = t.search.failed;
    return;
  }
  input.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => update({ ...state, q: input.value }, 'replace'), 200);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(debounce);
    update({ ...state, q: input.value }, 'push');
  });
  more.addEventListener('click', () => void showMore(run));
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    input.value = state.q;
    renderChips();
    void search();
  });
  await search();
}

void start();
