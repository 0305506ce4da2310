/**
 * 在全省搜索 on a city's search page (site.yaml `portal`): the same query sent
 * to the provincial portal's names table, a cross-origin fetch of its static
 * files (the city's connect-src names the portal; the portal's names table is
 * shared with its members' origins). The city's own results never wait for
 * it: it draws into its own section below them, and when the portal cannot
 * answer, the section keeps only a link to the portal's search page.
 */
import {
  answer,
  fileOf,
  keyOf,
  queryWords,
  readRow,
  type NameRow,
  type NamesFile,
  type NamesIndex,
} from '../search/names-table.ts';
import { serializeState } from '../search/search-state.ts';
import { routes } from '../model/routes.ts';
import { t } from '../strings.ts';

/** Results shown from the portal (the link shows the rest). */
const SHOWN = 10;
/** How long the portal may take before the link stands alone. */
const TIMEOUT_MS = 8000;

async function json<T>(url: string): Promise<T | undefined> {
  const r = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), mode: 'cors', credentials: 'omit' });
  if (r.status === 404) return undefined;
  if (!r.ok) throw new Error(`portal: HTTP ${r.status}`);
  return (await r.json()) as T;
}

/** The section's search, or undefined when the page has no portal section. */
export function provinceSearch(): ((q: string) => void) | undefined {
  const section = document.querySelector<HTMLElement>('#province');
  const portal = section?.dataset.portal;
  const status = section?.querySelector<HTMLElement>('#province-status');
  const list = section?.querySelector<HTMLOListElement>('#province-results');
  const link = section?.querySelector<HTMLAnchorElement>('#province-link');
  if (!section || !portal || !status || !list || !link) return undefined;
  const at = (path: string) => new URL(path.replace(/^\//, ''), portal.endsWith('/') ? portal : `${portal}/`).href;
  let index: Promise<NamesIndex | undefined> | undefined;
  let latest = 0;

  return (q: string) => {
    const n = ++latest;
    const words = queryWords(q);
    list.replaceChildren();
    section.hidden = words.length === 0;
    if (!words.length) return;
    link.href = at(`${routes.search}${serializeState({ q, filters: {} })}`);
    link.textContent = t.portal.provinceLink(q);
    status.textContent = t.portal.provinceLoading;
    void (async () => {
      try {
        index ??= json<NamesIndex>(at(`${routes.namesTable}index.json`));
        const split = new Set((await index)?.split ?? []);
        const file = await json<NamesFile>(at(`${routes.namesTable}${fileOf(keyOf(words[0] ?? '', split))}`));
        if (n !== latest) return;
        // The city's own people are listed above already.
        const rows = answer((file?.rows ?? []).map(readRow), q).filter((r) => !r.url.startsWith(location.origin));
        status.textContent = rows.length ? t.portal.provinceFound(rows.length) : t.portal.provinceNone(q);
        list.replaceChildren(...rows.slice(0, SHOWN).map(item));
      } catch {
        index = undefined;
        if (n === latest) status.textContent = t.portal.provinceFailed;
      }
    })();
  };
}

/** One result: the name linking to the member's page, its highest honour and its city and county. */
function item(row: NameRow): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  // Only a web page: the portal's rows are checked when it is built, and checked again here.
  a.href = /^https?:\/\//.test(row.url) ? row.url : '#';
  a.textContent = row.name;
  const meta = document.createElement('span');
  meta.className = 'card-meta';
  meta.textContent = ` ${row.honour} · ${row.filters.region?.[0] ?? ''}`;
  li.append(a, meta);
  return li;
}
