/**
 * How the search index is split, so a quarterly release re-indexes the names
 * (small pages) and one group of stories instead of every whole entry page,
 * and the first results for a name stay small:
 *
 * - the names index (`/pagefind/`) holds every entry page without its story:
 *   name, search terms, summary, facts and filters. A cold name query loads
 *   only this index;
 * - the story indexes (`/pagefind-stories/<shard>/`) hold whole entry pages,
 *   grouped by the releases that first published them (storyShards); the
 *   search page merges them (Pagefind's mergeIndex) for complete results once
 *   the names answer is on screen.
 *
 * A new release changes the names index and the newest story shard only.
 */
import { createHash } from 'node:crypto';

/** Marks the entry page's story section; the names index leaves it out. */
export const STORY_ATTR = 'data-search-story';
/** On the entry article: the story shard the page belongs to. */
export const SHARD_ATTR = 'data-search-shard';
/**
 * The attribute of an entry page's name that carries its search words (search-terms.ts),
 * separated by spaces; the names index reads it, residents never see it.
 */
export const SEARCH_TERMS_ATTR = 'data-search-terms';
/** Shard of entries whose honours all predate the site's releases. */
export const EARLIER_SHARD = 'earlier';
/** Lists the story shards for the search page, inside the story index folder. */
export const SHARDS_FILE = 'shards.json';

/**
 * A story shard holds the entries first published by a run of consecutive
 * releases, closed once it reaches this many entries; only the newest, open
 * shard grows with each release. Fewer, larger shards mean fewer index files
 * for the complete answer; smaller ones, less to re-index per release
 * (Pagefind: about 7 ms per page, docs/performance.md).
 */
export const SHARD_MIN_ENTRIES = 2000;

interface ShardableEntry {
  id: string;
  ladder: ReadonlyArray<{ release?: { id: string; date: string } }>;
}

/** The release that first published an entry (earliest date, then id). */
function firstRelease(entry: ShardableEntry): { id: string; date: string } | undefined {
  let first: { id: string; date: string } | undefined;
  for (const { release } of entry.ladder)
    if (release && (!first || release.date < first.date || (release.date === first.date && release.id < first.id)))
      first = release;
  return first;
}

/**
 * Entry id → story shard. Entries whose honours predate the releases come
 * first, then each release's new entries in release order; a shard is named
 * after its first release. An entry never moves: a later honour or a new
 * release leaves the closed shards as they were.
 */
export function storyShards(entries: readonly ShardableEntry[], min = SHARD_MIN_ENTRIES): Map<string, string> {
  const groups = new Map<string, { date: string; ids: string[] }>();
  for (const entry of entries) {
    const release = firstRelease(entry);
    const key = release?.id ?? EARLIER_SHARD;
    const group = groups.get(key) ?? { date: release?.date ?? '', ids: [] };
    group.ids.push(entry.id);
    groups.set(key, group);
  }
  const ordered = [...groups].sort(([a, x], [b, y]) =>
    x.date !== y.date ? (x.date < y.date ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0,
  );
  const shards = new Map<string, string>();
  let shard: string | undefined;
  let size = 0;
  for (const [key, group] of ordered) {
    if (shard === undefined || size >= min) {
      shard = key;
      size = 0;
    }
    size += group.ids.length;
    for (const id of group.ids) shards.set(id, shard);
  }
  return shards;
}

/**
 * The page as the names index reads it: without the story section, so a story
 * edit leaves the names index's input (and its kept copy) unchanged.
 */
export function withoutStory(html: string): string {
  const section = new RegExp(`<section[^>]*\\s${STORY_ATTR}(?:="[^"]*")?[\\s>][\\s\\S]*?</section>`);
  if (!section.test(html)) throw new Error(`entry page has no ${STORY_ATTR} section`);
  return html.replace(section, '');
}

/**
 * What Pagefind reads of an entry page: the page language and the
 * data-pagefind-body article, nothing else. Related entries and neighbours
 * sit outside it and change with every release; leaving them out keeps a
 * shard's input (and hash) unchanged unless its entries changed.
 */
export function indexedPart(html: string): string {
  const start = /<article\b[^>]*\sdata-pagefind-body[\s>=]/.exec(html)?.index;
  if (start === undefined) throw new Error('entry page has no data-pagefind-body article');
  const tags = /<\/?article\b/g;
  tags.lastIndex = start;
  let depth = 0;
  let end = -1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0] === '<article' ? 1 : -1;
    if (depth === 0) {
      end = html.indexOf('>', m.index) + 1;
      break;
    }
  }
  if (end <= 0) throw new Error('entry page article is not closed');
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'zh-CN';
  return `<!doctype html><html lang="${lang}"><body>${html.slice(start, end)}</body></html>`;
}

/** The story shard an entry page declares. */
export function shardOfPage(html: string): string {
  const shard = new RegExp(`\\s${SHARD_ATTR}="([\\w.-]+)"`).exec(html)?.[1];
  if (!shard) throw new Error(`entry page has no ${SHARD_ATTR}`);
  return shard;
}

export interface IndexedPage {
  url: string;
  /** The part of the page Pagefind reads (indexedPart). */
  html: string;
}

export interface IndexInput {
  /** `names`, or `stories/<shard>`: the folder under dist/ and under the cache. */
  name: string;
  /** The pages it indexes, in URL order. */
  urls: string[];
  /** Hash of every page the index reads (URL and HTML) and of `salt` (Pagefind's version). */
  hash: string;
}

/** What the index `name` reads of a page's indexed part: the names index leaves the story out. */
export function pageForIndex(name: string, html: string): string {
  return name === 'names' ? withoutStory(html) : html;
}

const digest = (url: string, html: string) => createHash('sha256').update(url).update('\0').update(html).digest();

/**
 * The names index and one story index per shard, each with the hash that
 * decides whether a kept copy is still right. Pages may come in any order and
 * are not kept: a digest per page is all the plan holds, so planning 10,000
 * pages needs next to no memory (the pages are read again for an index that
 * is rebuilt).
 */
export function planIndexes(pages: Iterable<IndexedPage>, salt: string): { names: IndexInput; stories: IndexInput[] } {
  const seen: Array<{ url: string; shard: string; names: Buffer; story: Buffer }> = [];
  for (const p of pages)
    seen.push({
      url: p.url,
      shard: shardOfPage(p.html),
      names: digest(p.url, pageForIndex('names', p.html)),
      story: digest(p.url, p.html),
    });
  seen.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const index = (name: string, list: typeof seen, part: 'names' | 'story'): IndexInput => {
    const hash = createHash('sha256').update(salt).update('\0');
    for (const p of list) hash.update(p[part]);
    return { name, urls: list.map((p) => p.url), hash: hash.digest('hex') };
  };
  const shards = new Map<string, typeof seen>();
  for (const p of seen) {
    const list = shards.get(p.shard);
    if (list) list.push(p);
    else shards.set(p.shard, [p]);
  }
  return {
    names: index('names', seen, 'names'),
    stories: [...shards]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([shard, list]) => index(`stories/${shard}`, list, 'story')),
  };
}
