/**
 * How the search index is split, so a quarterly release re-indexes one group
 * of stories instead of every whole entry page:
 *
 * - the names table (`/search/names/`, names-table.ts) answers a name first,
 *   from one small file;
 * - the story indexes (`/pagefind-stories/<shard>/`) hold whole entry pages,
 *   grouped by the releases that first published them (storyShards); the
 *   search page merges them (Pagefind's mergeIndex) for complete results once
 *   the names answer is on screen, and for a search by filters alone.
 *
 * A new release changes the names table and the newest story shard only.
 */
import { createHash } from 'node:crypto';

/** On the entry article: the story shard the page belongs to. */
export const SHARD_ATTR = 'data-search-shard';
/** Shard of entries whose honours all predate the site's releases. */
export const EARLIER_SHARD = 'earlier';
/**
 * Folder (inside the site) of a provincial portal's record pages, written by the gate step
 * (src/portal/portal.ts): indexed under their paths, `/<member>/<slug>/`, then removed.
 */
export const RECORD_PAGES = '_portal-stories';
/** Lists the story shards for the search page, inside the story index folder. */
export const SHARDS_FILE = 'shards.json';

/**
 * A story shard holds the entries first published by a run of consecutive
 * releases, closed once it reaches this many entries; only the newest, open
 * shard grows with each release. Fewer, larger shards mean fewer index files
 * for the complete answer; smaller ones, less to re-index per release
 * (Pagefind: about 7 ms per page) and a lower peak: Pagefind holds about
 * 490 KiB per story page while it indexes a shard (1,195 MiB for a shard of
 * 2,500 pages, 597 MiB for 1,250; docs/performance.md), and at 2,000 its
 * largest shard was most of the build's peak memory.
 */
export const SHARD_MIN_ENTRIES = 1000;

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
  /** `stories/<shard>`: the folder under the cache (and, as `pagefind-stories/<shard>`, under dist/). */
  name: string;
  /** The pages it indexes, in URL order. */
  urls: string[];
  /** Hash of every page the index reads (URL and HTML) and of `salt` (Pagefind's version). */
  hash: string;
}

const digest = (url: string, html: string) => createHash('sha256').update(url).update('\0').update(html).digest();

/**
 * One story index per shard, each with the hash that decides whether a kept
 * copy is still right. Pages may come in any order and are not kept: a digest
 * per page is all the plan holds, so planning 10,000 pages needs next to no
 * memory (the pages are read again for an index that is rebuilt).
 */
export function planIndexes(pages: Iterable<IndexedPage>, salt: string): IndexInput[] {
  const shards = new Map<string, Array<{ url: string; digest: Buffer }>>();
  for (const p of pages) {
    const shard = shardOfPage(p.html);
    const list = shards.get(shard) ?? [];
    list.push({ url: p.url, digest: digest(p.url, p.html) });
    shards.set(shard, list);
  }
  return [...shards]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([shard, list]) => {
      list.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      const hash = createHash('sha256').update(salt).update('\0');
      for (const p of list) hash.update(p.digest);
      return { name: `stories/${shard}`, urls: list.map((p) => p.url), hash: hash.digest('hex') };
    });
}
