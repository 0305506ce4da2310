/**
 * Every browsable roll (by title, region, category, year, release, and
 * everyone), each in two orders and split into pages. Pure: the pages feed
 * it the roll from `content.ts` and render what it returns.
 */
import type { Honouree, Roll } from './roll.ts';
import { sortBy, type RollOrder } from '../rules/roll-order.ts';
import { routes } from '../model/routes.ts';

/** Entries per roll page: enough to scan, small enough for a phone on a weak network. */
export const PAGE_SIZE = 24;

export type RollFamily = 'people' | 'honours' | 'regions' | 'categories' | 'years' | 'releases';

/** How a roll's entries are grouped on the page (title rolls group by year or session). */
export interface RollGroup {
  /** Sorts groups: larger first. */
  rank: number;
  label: string;
}

export interface RollList<S> {
  family: RollFamily;
  /** The id in the URL (`yaodu`), or '' for /people/. */
  key: string;
  /** Path of page 1 in the default order, e.g. /regions/yaodu/. */
  base: string;
  /** What the heading names: a region, a title, a year … */
  name: string;
  entries: Honouree<S>[];
  /** Official lists (releases) read 按姓氏笔画 by default; everything else by pinyin. */
  defaultOrder: RollOrder;
  /** Optional grouping, newest group first. */
  groupOf?: (e: Honouree<S>) => RollGroup;
}

/** The labels a roll needs; they come from the strings module. */
export interface RollLabels {
  year: (y: number) => string;
  session: (n: number, year: number) => string;
}

/** All rolls of the site. Withdrawn and draft entries never reach a roll: `roll.listed` has none. */
export function rollLists<S>(roll: Roll<S>, labels: RollLabels): RollList<S>[] {
  const lists: RollList<S>[] = [
    { family: 'people', key: '', base: routes.people, name: '', entries: roll.listed, defaultOrder: 'pinyin' },
  ];
  for (const title of roll.titles) {
    const holders = roll.listed.filter((e) => e.ladder.some((h) => h.title.id === title.id));
    lists.push({
      family: 'honours',
      key: title.id,
      base: routes.title(title.id),
      name: title.name,
      entries: holders,
      defaultOrder: 'pinyin',
      groupOf: (e) => {
        // An entry holding a title twice is listed once, under its newest award.
        const newest = e.ladder.filter((h) => h.title.id === title.id).sort((a, b) => b.year - a.year)[0];
        if (!newest) return { rank: 0, label: '' };
        return newest.session
          ? { rank: newest.session * 10000 + newest.year, label: labels.session(newest.session, newest.year) }
          : { rank: newest.year, label: labels.year(newest.year) };
      },
    });
  }
  for (const region of roll.regions) {
    lists.push({
      family: 'regions',
      key: region.id,
      base: routes.region(region.id),
      name: region.name,
      entries: roll.listed.filter((e) => e.region.id === region.id),
      defaultOrder: 'pinyin',
    });
  }
  for (const category of roll.categories) {
    lists.push({
      family: 'categories',
      key: category.id,
      base: routes.category(category.id),
      name: category.name,
      entries: roll.listed.filter((e) => e.category.id === category.id),
      defaultOrder: 'pinyin',
    });
  }
  for (const year of honourYears(roll.listed)) {
    lists.push({
      family: 'years',
      key: String(year),
      base: routes.year(year),
      name: labels.year(year),
      entries: roll.listed.filter((e) => e.ladder.some((h) => h.year === year)),
      defaultOrder: 'pinyin',
    });
  }
  for (const release of roll.releases) {
    lists.push({
      family: 'releases',
      key: release.id,
      base: routes.release(release.id),
      name: release.title,
      entries: roll.listed.filter((e) => e.ladder.some((h) => h.release?.id === release.id)),
      defaultOrder: 'strokes',
    });
  }
  return lists;
}

/** Every year in which a listed entry received an honour, newest first. */
export function honourYears(listed: readonly Honouree[]): number[] {
  return [...new Set(listed.flatMap((e) => e.ladder.map((h) => h.year)))].sort((a, b) => b - a);
}

export interface RollPage<S> {
  list: RollList<S>;
  order: RollOrder;
  /** 1-based. */
  number: number;
  total: number;
  /** This page's entries, in display order. */
  items: Honouree<S>[];
  /** This page's entries grouped (one unnamed group when the roll has no grouping). */
  groups: Array<{ label: string; items: Honouree<S>[] }>;
  /** Position in the whole roll of this page's first entry (0-based). */
  offset: number;
  /** URL path of this page. */
  path: string;
  /** URL path of page n in order o. */
  href: (n: number, o?: RollOrder) => string;
}

/** The URL path of page `n` of a roll in order `order`: /regions/yaodu/, /regions/yaodu/2/, /regions/yaodu/strokes/ … */
export function rollHref(list: Pick<RollList<unknown>, 'base' | 'defaultOrder'>, n: number, order: RollOrder): string {
  return routes.listPage(list.base, n, order === list.defaultOrder ? undefined : order);
}

const ordered = new WeakMap<object, Partial<Record<RollOrder, readonly unknown[]>>>();

/**
 * Display order of a whole roll: groups newest first, then by name in the given order.
 * Computed once per roll and order (entry pages ask for their release's order 10,000 times).
 */
export function orderRoll<S>(list: RollList<S>, order: RollOrder): readonly Honouree<S>[] {
  const memo = ordered.get(list) ?? {};
  ordered.set(list, memo);
  const hit = memo[order] as Honouree<S>[] | undefined;
  if (hit) return hit;
  const sorted = sortBy(list.entries, order);
  const groupOf = list.groupOf;
  // Array.prototype.sort is stable, so the name order survives inside each group.
  if (groupOf) sorted.sort((a, b) => groupOf(b).rank - groupOf(a).rank);
  memo[order] = sorted;
  return sorted;
}

/** Every page of every roll in both orders. A roll with no entries still gets its first page. */
export function rollPages<S>(lists: readonly RollList<S>[], size = PAGE_SIZE): RollPage<S>[] {
  const pages: RollPage<S>[] = [];
  for (const list of lists) {
    for (const order of ['pinyin', 'strokes'] as const) {
      const all = orderRoll(list, order);
      const total = Math.max(1, Math.ceil(all.length / size));
      const href = (n: number, o: RollOrder = order) => rollHref(list, n, o);
      for (let number = 1; number <= total; number++) {
        const offset = (number - 1) * size;
        const items = all.slice(offset, offset + size);
        const groups: Array<{ label: string; items: Honouree<S>[] }> = [];
        for (const item of items) {
          const label = list.groupOf ? list.groupOf(item).label : '';
          const last = groups.at(-1);
          if (last && last.label === label) last.items.push(item);
          else groups.push({ label, items: [item] });
        }
        pages.push({ list, order, number, total, items, groups, offset, path: href(number), href });
      }
    }
  }
  return pages;
}

/** `[...page]` route parameter for a page path below its roll's base: undefined, "2", "strokes", "strokes/2". */
export function restParam(page: Pick<RollPage<unknown>, 'path'> & { list: { base: string } }): string | undefined {
  const rest = page.path.slice(page.list.base.length).replace(/\/$/, '');
  return rest || undefined;
}

/**
 * Previous and next entry within the newest release that published `entry`,
 * in that release's display order (按姓氏笔画, as the official notice lists them).
 */
export function releaseNeighbours<S>(
  entry: Honouree<S>,
  lists: readonly RollList<S>[],
): { release: RollList<S>; prev?: Honouree<S>; next?: Honouree<S> } | undefined {
  const newest = entry.ladder
    .filter((h) => h.release)
    .sort((a, b) => ((a.release?.date ?? '') < (b.release?.date ?? '') ? 1 : -1))[0]?.release;
  if (!newest) return undefined;
  const list = lists.find((l) => l.family === 'releases' && l.key === newest.id);
  if (!list) return undefined;
  const ordered = orderRoll(list, list.defaultOrder);
  const i = positionIn(ordered, entry.id);
  if (i === undefined) return undefined;
  return { release: list, prev: ordered[i - 1], next: ordered[i + 1] };
}

const positions = new WeakMap<object, Map<string, number>>();

/** Index of an entry in an ordered roll, with the index built once per roll. */
function positionIn(ordered: readonly { id: string }[], id: string): number | undefined {
  let index = positions.get(ordered);
  if (!index) {
    index = new Map(ordered.map((e, i) => [e.id, i]));
    positions.set(ordered, index);
  }
  return index.get(id);
}
