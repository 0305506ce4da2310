/**
 * The honour roll as pages see it: entries joined to their region, category,
 * titles and releases, drafts removed, withdrawn entries kept apart, and the
 * counts and orders computed from content (never typed by hand).
 *
 * Pure functions over plain records, so they are unit-tested without Astro;
 * `src/collections/content.ts` feeds them the collections.
 */
import {
  LEVELS,
  type CategoryData,
  type EntryData,
  type EntryRecord,
  type HonourRecord,
  type ReleaseRecord,
  type Level,
  type RegionData,
  type TitleData,
} from '../model/schema.ts';
import { refId } from '../rules/ref-id.ts';
import { pinyinSortKey } from '../model/names.ts';
import { comparePinyin } from '../rules/roll-order.ts';
import { publicView, type PublicView } from '../model/public-view.ts';

/** A county-level division with its id: the schema's record (src/model/schema.ts), never retyped. */
export type Region = RegionData & { id: string };

/** An honour title with its id. */
export type Title = TitleData & { id: string };

/** A category of deed with its id. */
export type Category = CategoryData & { id: string };

/** A release with its id; its honour is a title id. */
export type Release = ReleaseRecord & { id: string };

/** The entry data the roll reads: the schema's (src/model/schema.ts), with Astro's references and photo as they come. */
export type EntryInput = EntryData<unknown, unknown>;

/** One honour of an entry with its title and release joined: the schema's fields (src/model/schema.ts), never retyped. */
export interface HonourView extends Pick<HonourRecord, 'year' | 'session' | 'batch' | 'note'> {
  title: Title;
  /** The title as shown on this entry: a county's own title carries the county's name (隰县好人). */
  name: string;
  release?: Release;
  /** The day the honour was announced, as precisely as known (release date, else the year). */
  date: string;
}

/** One entry joined to everything it references. `source` is the original record (for rendering). */
export interface Honouree<S = unknown> extends Pick<EntryRecord, 'name' | 'kind' | 'summary'> {
  id: string;
  region: Region;
  category: Category;
  /** Honours from the lowest rung (county) to the highest (nation); within a level, newest first. */
  ladder: HonourView[];
  /** The most senior honour. */
  highest: HonourView;
  /** The newest announcement date among the honours. */
  latest: string;
  withdrawn: boolean;
  /** Sort key: toneless pinyin of the name with surname readings, the surname as one unit. */
  pinyinKey: string;
  /** What the public sees of the entry's own facts: every consumer reads them here (src/model/public-view.ts). */
  view: PublicView;
  /** The original record, for rendering the story only. */
  source: S;
}

/** A title's name as shown on an entry of `region`: 县（市、区）好人 with perCounty {county}好人 → 隰县好人. */
export function titleNameIn(title: Pick<Title, 'name' | 'perCounty'>, region: Pick<Region, 'name'>): string {
  return title.perCounty ? title.perCounty.replaceAll('{county}', region.name) : title.name;
}

/** Rank of a level: county 0 … national 3. */
export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}

/** True if honour a is more senior than b: higher level, then better rank. */
function moreSenior(a: HonourView, b: HonourView): boolean {
  const la = levelIndex(a.title.level);
  const lb = levelIndex(b.title.level);
  if (la !== lb) return la > lb;
  if (a.title.rank !== b.title.rank) return a.title.rank < b.title.rank;
  return a.year > b.year;
}

/** Orders honours as a ladder: county first, nation last; within a level the senior title last. */
export function ladderOrder(honours: readonly HonourView[]): HonourView[] {
  return [...honours].sort((a, b) => (moreSenior(a, b) ? 1 : moreSenior(b, a) ? -1 : 0));
}

export interface RollInput<S> {
  regions: Region[];
  titles: Title[];
  categories: Category[];
  releases: Release[];
  entries: Array<{ id: string; data: EntryInput; source: S }>;
  /** Show drafts too: only in `astro dev`, so editors can preview a new entry. */
  includeDrafts?: boolean;
}

export interface Roll<S> {
  regions: Region[];
  titles: Title[];
  categories: Category[];
  /** Newest first. */
  releases: Release[];
  /** Every non-draft entry, withdrawn ones included: each keeps its page. */
  pages: Honouree<S>[];
  /** Entries that appear in lists: not draft, not withdrawn; in pinyin order. */
  listed: Honouree<S>[];
}

/**
 * Joins the collections into the roll. References were already checked by
 * the content gate; a dangling one here is a programming error and throws.
 */
export function buildRoll<S>(input: RollInput<S>): Roll<S> {
  const byId = <T extends { id: string }>(items: T[], what: string) => {
    const map = new Map(items.map((i) => [i.id, i]));
    return (id: string): T => {
      const found = map.get(id);
      if (!found) throw new Error(`Unknown ${what} "${id}" (the content gate should have caught this)`);
      return found;
    };
  };
  const region = byId(input.regions, 'region');
  const category = byId(input.categories, 'category');
  const title = byId(input.titles, 'title');
  const release = byId(input.releases, 'release');

  const pages: Honouree<S>[] = [];
  for (const { id, data, source } of input.entries) {
    if (data.draft && !input.includeDrafts) continue;
    const home = region(refId(data.region));
    const honours = data.honours.map((h): HonourView => {
      const rel = h.release === undefined ? undefined : release(refId(h.release));
      const held = title(refId(h.title));
      return {
        title: held,
        name: titleNameIn(held, home),
        year: h.year,
        session: h.session,
        release: rel,
        batch: h.batch,
        note: h.note,
        date: rel ? rel.date : String(h.year),
      };
    });
    const ladder = ladderOrder(honours);
    const highest = ladder[ladder.length - 1];
    if (!highest) throw new Error(`Entry "${id}" has no honours (the schema should have caught this)`);
    pages.push({
      id,
      name: data.name,
      kind: data.kind,
      region: home,
      category: category(refId(data.category)),
      ladder,
      highest,
      latest:
        honours
          .map((h) => h.date)
          .sort()
          .at(-1) ?? '',
      summary: data.summary,
      withdrawn: data.status === 'withdrawn',
      pinyinKey: pinyinSortKey(data.name, data.kind),
      view: publicView(
        data,
        honours.map((h) => h.date),
      ),
      source,
    });
  }
  pages.sort(comparePinyin);
  return {
    regions: [...input.regions].sort((a, b) => a.order - b.order),
    titles: [...input.titles].sort((a, b) => levelIndex(b.level) - levelIndex(a.level) || a.rank - b.rank),
    categories: [...input.categories].sort((a, b) => a.order - b.order),
    releases: [...input.releases].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    pages,
    listed: pages.filter((p) => !p.withdrawn),
  };
}

/** The newest entries: by their newest honour's date, then pinyin. */
export function newestFirst<S>(listed: readonly Honouree<S>[], limit: number): Honouree<S>[] {
  return [...listed]
    .sort((a, b) => (a.latest !== b.latest ? (a.latest < b.latest ? 1 : -1) : comparePinyin(a, b)))
    .slice(0, limit);
}

/**
 * The models a hall of honour shows first: national, then provincial, each
 * by the seniority of its highest title, then the newest honour first.
 */
export function hallOfHonour<S>(listed: readonly Honouree<S>[], limit: number): Honouree<S>[] {
  const floor = levelIndex('provincial');
  return listed
    .filter((e) => levelIndex(e.highest.title.level) >= floor)
    .sort((a, b) => {
      if (moreSenior(a.highest, b.highest) !== moreSenior(b.highest, a.highest))
        return moreSenior(a.highest, b.highest) ? -1 : 1;
      return a.latest !== b.latest ? (a.latest < b.latest ? 1 : -1) : comparePinyin(a, b);
    })
    .slice(0, limit);
}

/** Listed entries published by a release, in pinyin order. */
export function entriesOfRelease<S>(listed: readonly Honouree<S>[], releaseId: string): Honouree<S>[] {
  return listed.filter((e) => e.ladder.some((h) => h.release?.id === releaseId));
}

/**
 * Suggests a handful of entries related to an entry: same region and category
 * first, then same region, then same category; within each, the entries next
 * to it in pinyin order. Nearness in name, not recency, on purpose: a new
 * release then changes the suggestions of a few neighbours only, instead of
 * every page in its region (the incremental build re-renders what changed).
 * The buckets are sorted once, so 10,000 entry pages cost one sort, not 10,000.
 */
export function relatedFinder<S>(listed: readonly Honouree<S>[], limit = 4): (entry: Honouree<S>) => Honouree<S>[] {
  const buckets = new Map<string, Honouree<S>[]>();
  const add = (key: string, e: Honouree<S>) => {
    const list = buckets.get(key);
    if (list) list.push(e);
    else buckets.set(key, [e]);
  };
  for (const e of listed) {
    add(`rc:${e.region.id}|${e.category.id}`, e);
    add(`r:${e.region.id}`, e);
    add(`c:${e.category.id}`, e);
  }
  const positions = new Map<Honouree<S>[], Map<string, number>>();
  for (const list of buckets.values()) {
    list.sort(comparePinyin);
    positions.set(list, new Map(list.map((e, i) => [e.id, i])));
  }
  /** A bucket's entries from the nearest outwards: next, previous, the one after next … */
  function* nearest(list: Honouree<S>[], entry: Honouree<S>): Generator<Honouree<S>> {
    const at = positions.get(list)?.get(entry.id);
    let after = at !== undefined ? at + 1 : list.findIndex((e) => comparePinyin(e, entry) > 0);
    if (after < 0) after = list.length;
    let before = at !== undefined ? at - 1 : after - 1;
    while (after < list.length || before >= 0) {
      const next = list[after++];
      if (next) yield next;
      const previous = list[before--];
      if (previous) yield previous;
    }
  }
  return (entry) => {
    const picked: Honouree<S>[] = [];
    const tiers: Array<[string, (e: Honouree<S>) => boolean]> = [
      [`rc:${entry.region.id}|${entry.category.id}`, () => true],
      [`r:${entry.region.id}`, (e) => e.category.id !== entry.category.id],
      [`c:${entry.category.id}`, (e) => e.region.id !== entry.region.id],
    ];
    for (const [key, fits] of tiers) {
      const list = buckets.get(key);
      if (!list) continue;
      for (const e of nearest(list, entry)) {
        if (picked.length >= limit) return picked;
        if (e.id !== entry.id && fits(e)) picked.push(e);
      }
    }
    return picked;
  };
}
