/**
 * Names where people type, ids in files: what a `region`, `category`,
 * honour `title` or `release` value that is not an id most likely means,
 * computed from the content's own lists — an official name (侯马市), an
 * alias or short name (侯马), or an id typed nearly right (houmaa).
 */
import type { CategoryData, RegionData, TitleData } from '../model/schema.ts';
import { matchTitles, releaseForQuarter } from './import-taxonomy.ts';

export type RefKind = 'region' | 'category' | 'title' | 'release';

/** The lists a reference is looked up in (the check's collections). */
export interface RefLists {
  regions: ReadonlyMap<string, Pick<RegionData, 'name' | 'aliases'>>;
  categories: ReadonlyMap<string, Pick<CategoryData, 'name'>>;
  titles: ReadonlyMap<string, Pick<TitleData, 'name' | 'short' | 'issuer'>>;
  releases: ReadonlyMap<string, { honour: string; date: string }>;
}

/** What a value means: an id; a name of exactly one record (safe to rewrite); several; or the nearest ids. */
export type RefLookup =
  { is: 'id' } | { is: 'name'; id: string } | { is: 'ambiguous'; ids: string[] } | { is: 'unknown'; near: string[] };

/** Levenshtein distance of two short strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let row = y.map((_, j) => j + 1);
  row.unshift(0);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[y.length] ?? 0;
}

/** The names a record goes by, besides its id. */
function namesOf(lists: RefLists, kind: RefKind, id: string): string[] {
  if (kind === 'region') {
    const r = lists.regions.get(id);
    return r ? [r.name, ...r.aliases] : [];
  }
  if (kind === 'category') {
    const c = lists.categories.get(id);
    return c ? [c.name] : [];
  }
  if (kind === 'title') {
    const t = lists.titles.get(id);
    return t ? [t.name, ...(t.short ? [t.short] : [])] : [];
  }
  return [];
}

function idsOf(lists: RefLists, kind: RefKind): string[] {
  const map = { region: lists.regions, category: lists.categories, title: lists.titles, release: lists.releases }[kind];
  return [...map.keys()];
}

/** An id as it may have been typed: case, spaces and underscores aside. */
const looseId = (value: string) => value.toLowerCase().replace(/[\s_]+/g, '-');

/** The ids whose name, alias or short name (or the region's name without 区/市/县) the value is. */
function byName(lists: RefLists, kind: RefKind, value: string, honour?: { title: string; year: number }): string[] {
  const v = value.replace(/\s/g, '').replace(/^[“"'‘「《](.*)[”"'’」》]$/u, '$1');
  if (kind === 'title') return matchTitles(value, lists.titles as ReadonlyMap<string, TitleData>);
  if (kind === 'release') {
    if (!honour) return [];
    const id = releaseForQuarter(v, honour.title, honour.year, lists.releases);
    return id ? [id] : [];
  }
  const out = idsOf(lists, kind).filter((id) => {
    const names = namesOf(lists, kind, id);
    if (names.includes(v)) return true;
    if (kind === 'category') return names.some((n) => `${n}类` === v);
    const name = names[0] ?? '';
    return name.length > 2 && name.replace(/[区市县]$/, '') === v;
  });
  return out;
}

/**
 * What `value` means as a reference of `kind`. A release is looked up for
 * its honour (title id and year): 第3期 and 2026年第三季度 name the
 * release of that title in that quarter.
 */
export function lookupRef(
  lists: RefLists,
  kind: RefKind,
  value: string,
  honour?: { title: string; year: number },
): RefLookup {
  const ids = idsOf(lists, kind);
  if (ids.includes(value)) return { is: 'id' };
  const loose = ids.filter((id) => id === looseId(value));
  const named = [...new Set([...loose, ...byName(lists, kind, value, honour)])];
  if (named.length === 1) return { is: 'name', id: named[0] as string };
  if (named.length > 1) return { is: 'ambiguous', ids: named };
  // Near misses: an id off by a letter or two, or a name off by a character (侯马县 for 侯马市).
  const v = value.trim();
  const scored = ids
    .map((id) => {
      const byId = editDistance(looseId(v), id);
      const byNames = Math.min(Infinity, ...namesOf(lists, kind, id).map((n) => editDistance(v, n)));
      const idOk = byId <= Math.max(1, Math.floor(id.length / 4));
      const nameOk = byNames <= 1 && Array.from(v).length >= 2;
      return { id, score: Math.min(idOk ? byId : Infinity, nameOk ? byNames : Infinity) };
    })
    .filter((s) => s.score < Infinity)
    .sort((a, b) => a.score - b.score);
  return { is: 'unknown', near: scored.slice(0, 3).map((s) => s.id) };
}

/** An id with its name for a message: houma（侯马市）. */
export function idWithName(lists: RefLists, kind: RefKind, id: string): string {
  const name = kind === 'release' ? undefined : namesOf(lists, kind, id)[0];
  return name ? `${id}（${name}）` : id;
}

/** How many ids a message lists in full when nothing is near. */
const LIST_ALL = 20;

/**
 * The message for a reference that is not an id: what it means and the id
 * to write (and that `content:check -- --fix` writes it), or the nearest ids,
 * or the list's ids; `what` names the field (地区), `file` the list's file.
 */
export function refMessage(
  lists: RefLists,
  kind: RefKind,
  value: string,
  what: string,
  file: string,
  honour?: { title: string; year: number },
): string {
  const found = lookupRef(lists, kind, value, honour);
  const named = (id: string) => idWithName(lists, kind, id);
  if (found.is === 'name')
    return `${what} “${value}” 是名称，这里要写 id：请改为 ${found.id}（或运行 npm run content:check -- --fix 自动改正）`;
  if (found.is === 'ambiguous')
    return `${what} “${value}” 可以指 ${found.ids.map(named).join(' 或 ')}：请改为其中正确的那个 id`;
  if (found.is === 'unknown' && found.near.length)
    return `${what} “${value}” 不存在：是不是 ${found.near.map(named).join(' 或 ')}？请改为 ${file} 中的 id`;
  const all = idsOf(lists, kind);
  return all.length && all.length <= LIST_ALL
    ? `${what} “${value}” 不存在，请改为 ${file} 中的某个 id：${all.map(named).join('、')}`
    : `${what} “${value}” 不存在，请改为 ${file} 中的某个 id`;
}
