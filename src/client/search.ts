/**
 * The search page: results as the resident types, facets with counts, and
 * the whole state in the URL. The names table answers a name first; the story
 * indexes, loaded only once a query needs them, add the pages it did not find
 * below its results, which never move (search-answers.ts, tier-union.ts). The
 * list stays aria-busy until the complete answer. What is drawn: search-view.ts.
 */
import { pagefindFilters, parseState, serializeState, toggleFilter, type SearchState } from '../search/search-state.ts';
import { queryWords } from '../search/names-table.ts';
import { namesRegion, searchesStories } from '../search/story-terms.ts';
import { earlierCounts, unionCounts } from '../search/tier-union.ts';
import { loadSearchAnswers, type NamesAnswer, type SearchAnswers, type StoriesAnswer } from './search-answers.ts';
import { searchView, type SearchView } from './search-view.ts';
import { provinceSearch } from './province.ts';

/** An element the search page template always renders. */
function required<T extends Element>(selector: string, type: abstract new () => T): T {
  const found = document.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`search page is missing ${selector}`);
  return found;
}

/** The search page, started once the names table's index has loaded (without it, it says search failed). */
async function start() {
  const form = required('#search-form', HTMLFormElement);
  const input = required('#search-q', HTMLInputElement);
  const filters = required('#search-filters', HTMLDetailsElement);
  /** The page's state: the search in the URL, the number of the latest search, a query being typed. */
  const page: { state: SearchState; latest: number; typing?: ReturnType<typeof setTimeout> } = {
    state: parseState(location.search),
    latest: 0,
  };
  const view: SearchView = searchView(
    {
      status: required('#search-status', HTMLElement),
      list: required('#search-results', HTMLOListElement),
      facets: required('#search-facets', HTMLElement),
      chips: required('#search-chips', HTMLUListElement),
      filterCount: required('#search-filter-count', HTMLElement),
      more: required('#search-more', HTMLButtonElement),
      card: required('#search-card', HTMLTemplateElement),
    },
    // The panel stays open for a second choice (a county and a category); 看结果, kept on the screen, folds it.
    // Folding it at the first tick left WebKit scrolled down to the footer, the results above out of sight.
    (name, value, on) => update(toggleFilter(page.state, name, value, on), 'push'),
  );
  // 看结果: folds the panel and goes back to the top of the results (the chips say what is chosen), the
  // keyboard on the panel's summary.
  document.getElementById('search-filters-done')?.addEventListener('click', () => {
    filters.open = false;
    filters.querySelector('summary')?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  });
  input.value = page.state.q;
  view.chips(page.state);
  // 在全省搜索: asked beside the city's own search, drawn below it, never awaited.
  const province = provinceSearch();
  province?.(page.state.q);
  let answers: SearchAnswers;
  try {
    answers = await loadSearchAnswers();
  } catch {
    view.failed();
    return;
  }

  /** Whether search number `n` is still the latest (a later one makes it draw nothing more). */
  const isLatest = (n: number) => () => n === page.latest;

  async function search() {
    const { state } = page;
    const current = isLatest(++page.latest);
    if (page.latest > 1) province?.(state.q);
    view.clear();
    // The roll of a county the query names: 大宁, 大宁县 or hongtong, not one character (宁 is in three counties).
    for (const a of document.querySelectorAll<HTMLAnchorElement>('#region-shortcut a'))
      a.hidden = !namesRegion(state.q, a.dataset.name ?? '', a.dataset.pinyin);
    const filters = pagefindFilters(state);
    const words = queryWords(state.q).length > 0;
    const browse = document.getElementById('search-browse');
    if (browse) browse.hidden = words || Object.keys(filters).length > 0;
    if (!words && !Object.keys(filters).length) {
      view.hint(state, answers.facets);
      return;
    }
    view.loading();
    let first: NamesAnswer | undefined;
    if (words) {
      try {
        first = await answers.names(state.q, state.filters);
      } catch {
        // The story indexes answer alone.
      }
      if (!current()) return;
      if (first) await view.add(first.results, earlierCounts(first), state, true, current);
      if (!current()) return;
      if (!searchesStories(state.q)) {
        if (!first) view.failed();
        else if (first.found.length) await view.add([], earlierCounts(first), state, false, current);
        else view.oneCharacter(state.q);
        return;
      }
    }
    let all: StoriesAnswer | undefined;
    try {
      all = await answers.stories(words ? state.q : null, filters);
    } catch {
      // The names answer stands; the next query tries the story indexes again.
    }
    if (!current()) return;
    if (all) {
      const union = unionCounts(first ?? { chosen: [], found: [] }, all);
      await view.add(all.results, union, state, false, current, union.shownAbove);
      // Nobody found: the rolls the message offers, as buttons (the message said 按地区、称号浏览 with nothing to tap).
      if (browse && current()) browse.hidden = union.count > 0;
    } else if (first) await view.add([], earlierCounts(first), state, false, current);
    else view.failed();
  }

  function update(next: SearchState, history: 'push' | 'replace') {
    page.state = next;
    view.chips(page.state);
    const url = `${location.pathname}${serializeState(page.state)}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    void search();
  }

  input.addEventListener('input', () => {
    clearTimeout(page.typing);
    page.typing = setTimeout(() => update({ ...page.state, q: input.value }, 'replace'), 200);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(page.typing);
    update({ ...page.state, q: input.value }, 'push');
  });
  required('#search-more', HTMLButtonElement).addEventListener(
    'click',
    () => void view.more(page.state, isLatest(page.latest)),
  );
  window.addEventListener('popstate', () => {
    page.state = parseState(location.search);
    input.value = page.state.q;
    view.chips(page.state);
    void search();
  });
  await search();
}

void start();
