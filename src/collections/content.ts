/**
 * The only module that queries the content collections. Each collection is
 * read once; drafts and withdrawn entries are filtered here, and pages
 * import the slices they need.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { PhotoFile } from '../photos/photo-file.ts';
import type { PublicView } from '../model/public-view.ts';
import { buildRoll, newestFirst, hallOfHonour, entriesOfRelease, relatedFinder, type Honouree } from '../roll/roll.ts';
import { kindCounts, regionLevelTable, statistics } from '../roll/stats.ts';
import type { SiteData } from '../model/schema.ts';
import { releaseNeighbours, rollLists, rollPages, type RollFamily, type RollPage } from '../roll/lists.ts';
import { t } from '../strings.ts';
import { openRecord, type OpenRecord } from '../publish/open-data.ts';
import { refId } from '../rules/ref-id.ts';
import { entryPageKey, hashOf, propsKey, rollPageKey } from './cache-keys.ts';
import { EARLIER_SHARD, storyShards } from '../search/search-index.ts';
import { routes } from '../model/routes.ts';
import { nameRowOf } from '../search/name-row.ts';
import type { NameRow } from '../search/names-table.ts';
import { cacheDir } from '../build/cache-dir.ts';
import { readStory } from './story-store.ts';
import { loadPortal, portalRow, type Portal } from '../portal/portal.ts';
import { resolve } from 'node:path';

export type EntrySource = CollectionEntry<'entries'>;
export type Person = Honouree<EntrySource>;

/** An entry's public view with the read photo file: what every page shows of its personal facts. */
export const viewOf = (entry: Person): PublicView<PhotoFile> => entry.view as PublicView<PhotoFile>;

/** The entry's story as HTML, rendered at content sync by the engine's own renderer (story-store.ts). */
export const storyHtml = (entry: Person): string => readStory(resolve(cacheDir()), String(entry.source.digest ?? ''));

const [siteRecords, regionRecords, titleRecords, categoryRecords, releaseRecords, entryRecords] = await Promise.all([
  getCollection('site'),
  getCollection('regions'),
  getCollection('titles'),
  getCollection('categories'),
  getCollection('releases'),
  getCollection('entries'),
]);

const siteRecord = siteRecords.find((s) => s.id === 'site');
if (!siteRecord) throw new Error('site.yaml has no record with id "site"');

/** Site settings of the content root. */
export const site: SiteData = siteRecord.data;

const roll = buildRoll<EntrySource>({
  regions: regionRecords.map((r) => ({ id: r.id, ...r.data })),
  titles: titleRecords.map((r) => ({ id: r.id, ...r.data })),
  categories: categoryRecords.map((r) => ({ id: r.id, ...r.data })),
  releases: releaseRecords.map((r) => ({ id: r.id, ...r.data, honour: refId(r.data.honour) })),
  entries: entryRecords.map((e) => ({ id: e.id, data: e.data, source: e })),
  // Set by the content gate for `astro dev` only: editors preview drafts, builds never publish them.
  includeDrafts: process.env.HONOUR_PREVIEW_DRAFTS === '1',
});

export const { regions, titles, categories, releases } = roll;

/** Every entry that has a page, withdrawn ones included. */
export const entryPages: Person[] = roll.pages;

/** Entries that appear in lists, counts and search: published and not withdrawn. */
export const listed: Person[] = roll.listed;

/** Every count the site shows, computed from content. */
export const stats = statistics(roll, (l) => t.levels[l], t.rolls.year);

/** Per region, counts per level. */
export const regionTable = regionLevelTable(roll);

/** Listed honourees per level, highest level first. */
export const levelCounts = stats.byLevel;

/** Every listed national and provincial model, highest first. */
const hallAll: Person[] = hallOfHonour(listed, Infinity);

/** National and provincial models for the home page's hall of honour. */
export const hallEntries: Person[] = hallAll.slice(0, 12);

/** How many national and provincial models there are, by kind (the hall shows the first of them). */
export const hallKinds = kindCounts(hallAll);

/** The newest release, if any. */
export const latestRelease = releases[0];

/** Entries published by the newest release. */
export const latestReleaseEntries: Person[] = latestRelease ? entriesOfRelease(listed, latestRelease.id) : [];

/** The most recently honoured entries beyond those the newest release already shows. */
export const newestEntries: Person[] = newestFirst(
  listed.filter((e) => !latestReleaseEntries.includes(e)),
  8,
);

/** Every roll of the site (people, titles, regions, categories, years, releases). */
export const rolls = rollLists(roll, { year: t.rolls.year, session: t.rolls.session });

const allRollPages = rollPages(rolls);

export type PersonRollPage = RollPage<EntrySource>;

/** The pages of one roll family, both orders, all page numbers. */
export function rollPagesOf(family: RollFamily): PersonRollPage[] {
  return allRollPages.filter((p) => p.list.family === family);
}

/** Entries to suggest on an entry page. */
export const relatedTo: (entry: Person) => Person[] = relatedFinder(listed);

/** Previous and next entry within the entry's newest release. */
export const neighboursOf = (entry: Person) => releaseNeighbours(entry, rolls);

/**
 * What every page shows: the site settings (header, footer, sample notice). Regions, titles,
 * categories and releases reach a page through what it is given (an entry's joined ladder, a
 * roll's name, a release's intro), so they are in its own key: a new release no longer
 * renders every page of the site again, only the pages that show it.
 */
const siteKey = hashOf(site);

const shards = storyShards(entryPages);

/** The story search shard of an entry page (withdrawn pages count too, so a withdrawal moves no shard boundary). */
export const searchShardOf = (entry: Person): string => shards.get(entry.id) ?? EARLIER_SHARD;

/**
 * Incremental-build key of an entry page (see cache-keys.ts); the page names its search shard.
 * A withdrawn entry's page shows its notice only: no related entries, neighbours or shard.
 */
export const entryPageKeyOf = (entry: Person): string =>
  entry.withdrawn
    ? entryPageKey(siteKey, entry, [], undefined, '')
    : entryPageKey(siteKey, entry, relatedTo(entry), neighboursOf(entry), searchShardOf(entry));

/** Incremental-build key of a page from the props it is given (posters). */
export const pageKeyOf = (props: Record<string, unknown>): string => propsKey(siteKey, props);

/** Incremental-build key of a roll page: what it shows (cache-keys.ts), and `shown`, what else it is given. */
export const rollPageKeyOf = (page: PersonRollPage, shown: Record<string, unknown> = {}): string =>
  rollPageKey(siteKey, page, shown);

/** Incremental-build key of a former URL's redirect page: where it points, the name it shows, the site settings. */
export const redirectKeyOf = (to: string, name: string): string => hashOf(siteKey, to, name);

/**
 * A provincial portal's members and their accepted records, read by the build's first step
 * (src/portal/portal.ts); undefined for a city's site.
 */
export const portal: Portal | undefined = site.members?.length ? loadPortal(resolve(cacheDir())) : undefined;
if (site.members?.length && !portal)
  throw new Error('省级门户的成员数据没有读到：请用 npm run build 构建（它先读取成员数据）。');

/** The names table's rows: every listed entry, and a portal's members' records (src/search/names-table.ts). */
export const nameRows = (): NameRow[] => [
  ...listed.map((e) => nameRowOf(e, viewOf(e))),
  ...(portal?.records.map(portalRow) ?? []),
];

/**
 * Open data: all entries, and one release's batch, with the licence from site settings. The
 * records of all entries are made as they are written, never kept (with their stories, the
 * build's memory peak at 10,000 entries).
 */
export const openData = {
  head: { licence: site.licence, publisher: site.publisher, sample: site.sample },
  /** Every entry's record; `stories: false` leaves the stories out (the CSV has no story column). */
  records: function* (stories = true): Generator<OpenRecord> {
    for (const e of entryPages) yield openRecord(e, site.url, stories && !e.view.withdrawn ? storyHtml(e) : undefined);
  },
  release: (id: string) => {
    const release = releases.find((r) => r.id === id);
    return {
      licence: site.licence,
      publisher: site.publisher,
      sample: site.sample,
      release,
      records: entriesOfRelease(listed, id).map((e) => openRecord(e, site.url, storyHtml(e))),
    };
  },
};

/** Old entry URLs and where they now live: a redirect page and a `_redirects` line each. */
export const redirects = entryPages.flatMap((e) =>
  e.source.data.formerSlugs.map((slug) => ({ from: routes.entry(slug), to: routes.entry(e.id), entry: e })),
);

/** Feed items, newest first: one per release and one per newly honoured entry (the 50 newest of all). */
export const feedItems = [
  ...releases.map((r) => ({
    title: r.title,
    link: routes.release(r.id),
    pubDate: new Date(`${r.date}T00:00:00+08:00`),
    description: r.intro,
  })),
  ...listed.map((e) => ({
    title: `${e.name}（${e.region.name}）· ${e.highest.title.name}`,
    link: routes.entry(e.id),
    pubDate: new Date(`${e.latest.length === 4 ? `${e.latest}-01-01` : e.latest}T00:00:00+08:00`),
    description: e.summary,
  })),
]
  .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link))
  .slice(0, 50);

/** Every page worth finding: home, indexes, rolls (default order), entries (withdrawn excluded). */
export const sitemapPaths = [
  '/',
  routes.people,
  routes.honours,
  routes.regions,
  routes.categories,
  routes.years,
  routes.releases,
  routes.stats,
  routes.nominate,
  ...allRollPages.filter((p) => p.order === p.list.defaultOrder && p.list.family !== 'people').map((p) => p.path),
  ...allRollPages.filter((p) => p.order === 'pinyin' && p.list.family === 'people' && p.number > 1).map((p) => p.path),
  ...listed.map((e) => routes.entry(e.id)),
];
