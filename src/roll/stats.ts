/**
 * Counts shown on the home, index and statistics pages. Always computed
 * from the listed entries (withdrawn and drafts excluded), never typed.
 */
import { KINDS, LEVELS, type Kind, type Level } from '../model/schema.ts';
import type { Honouree, Roll } from './roll.ts';
import { honourYears } from './lists.ts';
import { routes } from '../model/routes.ts';

export interface Tally {
  /** Id used in URLs and test hooks. */
  key: string;
  label: string;
  /** A title's short name (where its label may break: src/rules/honour-badge.ts). */
  short?: string;
  count: number;
  /** The count by kind: people, families and groups are counted in their own units (位, 户, 个). */
  kinds: KindCounts;
  /** Roll page of this item, if it has one. */
  href?: string;
}

/** How many people, families and groups. */
export type KindCounts = Record<Kind, number>;

/** People, families and groups among `entries`. */
export function kindCounts(entries: readonly Pick<Honouree, 'kind'>[]): KindCounts {
  const out = Object.fromEntries(KINDS.map((k) => [k, 0])) as KindCounts;
  for (const e of entries) out[e.kind] += 1;
  return out;
}

/** For each group, how many entries satisfy `has`. Keeps the groups' order. */
export function tally<G>(
  listed: readonly Honouree[],
  groups: readonly G[],
  describe: (g: G) => Pick<Tally, 'key' | 'label' | 'short' | 'href'>,
  has: (e: Honouree, g: G) => boolean,
): Tally[] {
  return groups.map((g) => {
    const members = listed.filter((e) => has(e, g));
    return { ...describe(g), count: members.length, kinds: kindCounts(members) };
  });
}

/** Every table the statistics page shows. Level labels come from the caller (the strings module). */
export function statistics(roll: Roll<unknown>, levelLabel: (l: Level) => string, yearLabel: (y: number) => string) {
  const { listed } = roll;
  const holds = (e: Honouree, pred: (h: Honouree['ladder'][number]) => boolean) => e.ladder.some(pred);
  return {
    total: listed.length,
    kinds: kindCounts(listed),
    byLevel: tally(
      listed,
      [...LEVELS].reverse(),
      (l) => ({ key: l, label: levelLabel(l) }),
      (e, l) => holds(e, (h) => h.title.level === l),
    ),
    byTitle: tally(
      listed,
      roll.titles,
      (ti) => ({ key: ti.id, label: ti.name, short: ti.short, href: routes.title(ti.id) }),
      (e, ti) => holds(e, (h) => h.title.id === ti.id),
    ),
    byRegion: tally(
      listed,
      roll.regions,
      (r) => ({ key: r.id, label: r.name, href: routes.region(r.id) }),
      (e, r) => e.region.id === r.id,
    ),
    byCategory: tally(
      listed,
      roll.categories,
      (c) => ({ key: c.id, label: c.name, href: routes.category(c.id) }),
      (e, c) => e.category.id === c.id,
    ),
    byYear: tally(
      listed,
      honourYears(listed),
      (y) => ({ key: String(y), label: yearLabel(y), href: routes.year(y) }),
      (e, y) => holds(e, (h) => h.year === y),
    ),
  };
}

/** Per region, how many entries hold an honour of each level (for the regions index). */
export function regionLevelTable(roll: Roll<unknown>) {
  return roll.regions.map((r) => {
    const inRegion = roll.listed.filter((e) => e.region.id === r.id);
    return {
      region: r,
      total: inRegion.length,
      kinds: kindCounts(inRegion),
      levels: Object.fromEntries(
        LEVELS.map((l) => [l, inRegion.filter((e) => e.ladder.some((h) => h.title.level === l)).length]),
      ) as Record<Level, number>,
    };
  });
}
