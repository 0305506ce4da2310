/**
 * What the search page shows: the status line, the facets, the chosen
 * filters' chips and the result cards, ten at a time. Drawn from the answers
 * and the URL state it is given; it keeps only the results not shown yet.
 *
 * Within one search the cards only grow: a later tier's results go below
 * the ones shown (and below the earlier tier's results not shown yet), each
 * page once, so a card a resident is about to tap never moves or vanishes.
 */
import { FILTERS, exactNameFirst, type FilterName, type SearchState } from '../search/search-state.ts';
import { queryWords } from '../search/names-table.ts';
import { passageAround, storyHit, storyTerms } from '../search/story-terms.ts';
import { t } from '../strings.ts';
import { wholeRuns } from '../rules/whole-runs.ts';
import type { Kind } from '../model/schema.ts';
import type { FilterCounts } from './pagefind.ts';
import type { Result } from './search-answers.ts';
import type { UnionCounts } from '../search/tier-union.ts';
import { resultCards, type ResultData } from './result-card.ts';

const PAGE = 10;

/** The search page's parts the view draws into. */
export interface SearchParts {
  status: HTMLElement;
  list: HTMLOListElement;
  facets: HTMLElement;
  chips: HTMLUListElement;
  filterCount: HTMLElement;
  more: HTMLButtonElement;
  card: HTMLTemplateElement;
}

export interface SearchView {
  /** A new search: no results, busy until its complete answer. */
  clear: () => void;
  /** What an empty search shows: the hint and the whole roll's facets. */
  hint: (state: SearchState, facets: FilterCounts) => void;
  /** Searching, nothing to show yet. */
  loading: () => void;
  /** Search failed: said in the status line. */
  failed: () => void;
  /** A one-character query that no name has (the story indexes are not asked for one character). */
  oneCharacter: (q: string) => void;
  /**
   * Adds a tier's results below those of this search so far, and shows the counts of all of
   * them (`counts`); results whose URL is in `skip` are already in the list or queued above.
   * `partial` while the story indexes may still add results. `current` says whether this search
   * is still the page's latest (else nothing more is drawn).
   */
  add: (
    results: readonly Result[],
    counts: UnionCounts,
    state: SearchState,
    partial: boolean,
    current: () => boolean,
    skip?: ReadonlySet<string>,
  ) => Promise<void>;
  /** The next ten results of this search. */
  more: (state: SearchState, current: () => boolean) => Promise<void>;
  /** The chosen filters as removable chips, and their number on the 筛选 button. */
  chips: (state: SearchState) => void;
}

type Toggle = (name: FilterName, value: string, on: boolean) => void;

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

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...kids: Node[]
) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...kids);
  return node;
}

/**
 * A message whose counts (15 个, 10 位个人) and words are each one unbreakable run (src/rules/whole-runs.ts):
 * WebKit broke 4 / 个集体 at the no-break space, and 10 位个 / 人 inside the noun.
 */
function countNodes(message: string): Node[] {
  return wholeRuns(message).flatMap((part, i): Node[] =>
    i % 2 === 1
      ? [el('span', { className: 'keep-whole', textContent: part })]
      : part
        ? [document.createTextNode(part)]
        : [],
  );
}

/**
 * What a card found by the story indexes says of why: 姓名相近, or 事迹中提到 with the words around the query's,
 * marked, unless the card's summary under it has them.
 */
function sourceOf(hit: 'story' | 'similarName', d: ResultData, q: string): Node[] {
  const label = t.searchHits[hit];
  const terms = storyTerms(q);
  const inSummary = terms.some((w) => (d.meta.summary ?? '').toLowerCase().includes(w.toLowerCase()));
  const pieces = hit === 'story' && !inSummary ? passageAround(d.text ?? '', terms) : [];
  if (!pieces.length) return [document.createTextNode(label)];
  return [
    document.createTextNode(`${label}：`),
    ...pieces.map((p) => (p.mark ? el('mark', { textContent: p.text }) : document.createTextNode(p.text))),
  ];
}

/** The view over the page's `parts`; `toggle` is called when the resident ticks a facet or removes a chip. */
export function searchView(parts: SearchParts, toggle: Toggle): SearchView {
  const { status, list, facets, chips, filterCount, more, card } = parts;
  const cardOf = resultCards(card);
  /**
   * This search's results not shown yet, in order; those with a URL in `skip` are dropped when reached.
   * `story`: found by the story indexes for words of a query (not by a name), and labelled so.
   */
  let pending: Array<{ result: Result; skip?: ReadonlySet<string>; story: boolean }> = [];
  /** URLs of the cards shown in this search. */
  let shown = new Set<string>();
  /** How many cards the resident has asked for (ten, and ten more per "show more"). */
  let wanted = PAGE;
  /** Pages in this search's answer so far. */
  let total = 0;
  /** Drawing in progress: cards are added by one drawing at a time, so they keep their order. */
  let drawing: Promise<void> = Promise.resolve();

  const busy = (on: boolean) => list.setAttribute('aria-busy', String(on));

  /**
   * A facet with a value chosen shows what its other values would add (counts for
   * the query alone); the others show counts within the current results.
   */
  // Each facet's values in the site's order (the page writes it: national first, counties as regions.yaml has them).
  const order = JSON.parse(facets.dataset.order ?? '{}') as Partial<Record<string, string[]>>;

  function drawFacets(state: SearchState, narrowed: FilterCounts, unfiltered: FilterCounts = narrowed) {
    facets.replaceChildren();
    for (const name of FILTERS) {
      const chosen = state.filters[name] ?? [];
      const counts = chosen.length ? unfiltered : narrowed;
      const shown = Object.entries(counts[name] ?? {}).filter(([v, n]) => n > 0 || chosen.includes(v));
      if (!shown.length) continue;
      const fieldset = el(
        'fieldset',
        { className: 'facet' },
        el('legend', { textContent: t.search.filterNames[name] }),
      );
      // Its values' length decides its layout: a column for titles, a grid for counties and levels.
      fieldset.dataset.facet = name;
      const rank = (v: string) => {
        const i = order[name]?.indexOf(v) ?? -1;
        return i < 0 ? Infinity : i;
      };
      shown
        .sort(([a], [b]) => (name === 'year' ? b.localeCompare(a) : rank(a) - rank(b) || a.localeCompare(b, 'zh-CN')))
        .forEach(([value, n]) => {
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.name = name;
          box.value = value;
          box.checked = chosen.includes(value);
          box.addEventListener('change', () => toggle(name, value, box.checked));
          fieldset.append(
            el(
              'label',
              {},
              box,
              document.createTextNode(` ${value}`),
              el('span', { className: 'facet-count', textContent: `（${n}）` }),
            ),
          );
        });
      facets.append(fieldset);
    }
    // Nothing to narrow (nothing found, no filter chosen): no 筛选 button beside the message.
    const panel = facets.closest('details');
    if (panel) panel.hidden = facets.childElementCount === 0;
  }

  /** Adds cards until `wanted` are shown or nothing is left, a page's card once. */
  async function fill(state: SearchState, current: () => boolean) {
    while (shown.size < wanted && pending.length && current()) {
      const batch = pending.splice(0, wanted - shown.size);
      const data = await Promise.all(batch.map(async ({ result, story }) => ({ ...(await result.data()), story })));
      if (!current()) return;
      const fresh = data.filter((d, i) => !shown.has(d.url) && !batch[i]?.skip?.has(d.url));
      for (const d of fresh) shown.add(d.url);
      list.append(
        ...exactNameFirst(
          state.q,
          fresh.map((d) => ({ ...d, title: d.meta.title })),
        ).map((d) => {
          const item = cardOf(d);
          // Why a card whose name is not the query is here: its words are in what the entry says, or its
          // name is close to the query (a typo).
          const hit = d.story ? storyHit(state.q, d.meta.title, d.meta.region) : 'plain';
          if (hit !== 'plain')
            item
              .querySelector('.card-summary')
              ?.before(el('p', { className: 'card-source' }, ...sourceOf(hit, d, state.q)));
          return item;
        }),
      );
    }
    if (current()) more.hidden = shown.size >= total || pending.length === 0;
  }

  /** Queues a drawing after the one in progress. */
  function draw(state: SearchState, current: () => boolean): Promise<void> {
    drawing = drawing.then(() => fill(state, current));
    return drawing;
  }

  return {
    clear: () => {
      list.replaceChildren();
      pending = [];
      shown = new Set();
      wanted = PAGE;
      total = 0;
      drawing = Promise.resolve();
      more.hidden = true;
      busy(true);
    },
    hint: (state, counts) => {
      status.textContent = t.search.hint;
      drawFacets(state, counts);
      busy(false);
    },
    loading: () => {
      status.textContent = t.search.loading;
    },
    failed: () => {
      status.textContent = t.search.failed;
      busy(false);
    },
    oneCharacter: (q) => {
      status.textContent = t.search.oneCharacter(q);
      busy(false);
    },
    add: async (results, counts, state, partial, current, skip) => {
      const story = !partial && queryWords(state.q).length > 0;
      pending.push(...results.map((result) => ({ result, skip, story })));
      total = counts.count;
      drawFacets(state, counts.filters, counts.totalFilters);
      await draw(state, current);
      if (!current()) return;
      // Announced once results are on the page.
      const kinds = kindCountsOf(counts.filters, total);
      // One span: the status is a flex box, whose loose text and spans would each be an item of their own.
      status.replaceChildren(
        el(
          'span',
          {},
          ...countNodes(
            partial
              ? total
                ? t.search.foundSoFar(kinds)
                : t.search.searchingStories
              : total
                ? t.search.found(kinds)
                : FILTERS.some((name) => state.filters[name]?.length)
                  ? t.search.noneFiltered
                  : t.search.none,
          ),
        ),
      );
      busy(partial);
    },
    more: (state, current) => {
      wanted = Math.max(wanted, shown.size) + PAGE;
      return draw(state, current);
    },
    chips: (state) => {
      const chosen = FILTERS.flatMap((name) => (state.filters[name] ?? []).map((value) => [name, value] as const));
      filterCount.textContent = chosen.length ? t.search.filterCount(chosen.length) : '';
      chips.replaceChildren(
        ...chosen.map(([name, value]) => {
          const remove = el('button', { type: 'button', className: 'chip', textContent: `${value} ✕` });
          remove.setAttribute('aria-label', t.search.removeFilter(t.search.filterNames[name], value));
          remove.addEventListener('click', () => toggle(name, value, false));
          return el('li', {}, remove);
        }),
      );
      chips.hidden = chosen.length === 0;
    },
  };
}
