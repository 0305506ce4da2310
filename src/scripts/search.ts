/**
 * The search page: results as the resident types, facets with counts, and
 * the whole state in the URL. Loads Pagefind only when the page opens.
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
} from '../lib/search-state.ts';
import { t } from '../strings.ts';

interface ResultData {
  url: string;
  meta: { title: string; image?: string; region?: string; honour?: string; summary?: string };
}
interface Pagefind {
  options: (o: { noWorker?: boolean }) => Promise<void>;
  init: () => Promise<void>;
  search: (
    q: string | null,
    o: { filters?: Record<string, { any: string[] }> },
  ) => Promise<{
    results: Array<{ data: () => Promise<ResultData> }>;
    filters: Record<string, Record<string, number>>;
    totalFilters: Record<string, Record<string, number>>;
  } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const PAGE = 10;

/** An element the search page template always renders. */
function required<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`search page is missing ${selector}`);
  return found;
}

const form = required<HTMLFormElement>('#search-form');
const input = required<HTMLInputElement>('#search-q');
const status = required<HTMLElement>('#search-status');
const list = required<HTMLOListElement>('#search-results');
const facets = required<HTMLElement>('#search-facets');
const more = required<HTMLButtonElement>('#search-more');

let state: SearchState = parseState(location.search);
let pagefind: Pagefind;
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

function card(d: ResultData): HTMLLIElement {
  const thumb = d.meta.image
    ? el('img', { src: d.meta.image, alt: '', width: 72, height: 96, className: 'thumb', loading: 'lazy' })
    : el('span', { className: 'thumb placeholder', textContent: d.meta.title.slice(0, 1) });
  if (!d.meta.image) thumb.setAttribute('aria-hidden', 'true');
  const meta = [d.meta.region, d.meta.honour].filter(Boolean).join(' · ');
  return el(
    'li',
    {},
    el(
      'article',
      { className: 'card' },
      thumb,
      el(
        'div',
        { className: 'card-body' },
        el('h2', { className: 'card-name' }, el('a', { href: d.url, textContent: d.meta.title })),
        el('p', { className: 'card-meta', textContent: meta }),
        el('p', { className: 'card-summary', textContent: d.meta.summary ?? '' }),
      ),
    ),
  );
}

async function showMore(token: number) {
  list.setAttribute('aria-busy', 'true');
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
  list.setAttribute('aria-busy', 'false');
}

type Counts = Record<string, Record<string, number>>;

/**
 * A facet with a value chosen shows what its other values would add (counts for
 * the query alone); the others show counts within the current results.
 */
function renderFacets(narrowed: Counts, unfiltered: Counts = narrowed) {
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

async function search() {
  const token = ++run;
  list.replaceChildren();
  more.hidden = true;
  const filters = pagefindFilters(state);
  list.setAttribute('aria-busy', 'true');
  if (!state.q && !Object.keys(filters).length) {
    status.textContent = t.search.hint;
    renderFacets(await pagefind.filters());
    list.setAttribute('aria-busy', 'false');
    return;
  }
  status.textContent = t.search.loading;
  // Pagefind returns no facet counts when given an empty filter object.
  const found = await pagefind.search(state.q || null, Object.keys(filters).length ? { filters } : {});
  if (!found || token !== run) return;
  pending = found.results;
  renderFacets(found.filters, found.totalFilters);
  await showMore(token);
  if (token !== run) return;
  // Announced once the first results are on the page.
  status.textContent = found.results.length ? t.search.found(found.results.length) : t.search.none;
}

function update(next: SearchState, history: 'push' | 'replace') {
  state = next;
  const url = `${location.pathname}${serializeState(state)}`;
  if (history === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  void search();
}

async function start() {
  input.value = state.q;
  try {
    pagefind = (await import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`)) as Pagefind;
    // The worker script is another 42 KB before the first result; one search at a time needs no worker.
    await pagefind.options({ noWorker: true });
    await pagefind.init();
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
    void search();
  });
  await search();
}

void start();
