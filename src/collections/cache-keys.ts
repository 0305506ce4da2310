/**
 * Cache keys for Astro's incremental build. A page is reused from the last
 * build only when its key is unchanged, so a key must cover every input the
 * page shows: the entry's file (front matter and story, photo included: its
 * URL carries a content hash), the records it points to, the entries listed
 * beside it, and the settings every page prints. Template code is covered by
 * Astro itself (a route's module graph hash).
 */
import { createHash } from 'node:crypto';
import type { Honouree } from '../roll/roll.ts';
import type { RollPage } from '../roll/lists.ts';
import { kindCounts } from '../roll/stats.ts';

/** A short stable hash of any JSON-serialisable values. */
export function hashOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 24);
}

const entryKeys = new WeakMap<object, string>();

/** Everything an entry contributes to any page: its file and what the roll derived from it (region, ladder …). */
export function entryKey(e: Honouree): string {
  let key = entryKeys.get(e);
  if (!key) {
    // Astro's digest covers the whole file; the parsed data adds the photo's content-hashed URL.
    const source = e.source as { digest?: string; data?: unknown } | undefined;
    key = hashOf(source?.digest ?? null, source?.data ?? null, { ...e, source: undefined });
    entryKeys.set(e, key);
  }
  return key;
}

const valueKeys = new WeakMap<object, string>();

/** True for an honouree of the roll (it carries its source record). */
function isHonouree(value: object): value is Honouree {
  return 'ladder' in value && 'source' in value && 'id' in value;
}

/**
 * A hash of everything reachable from a value a page is given: entries by
 * their entry key, every other object by its fields, functions skipped (they
 * are template code, which Astro's route hash covers). Every object's hash is
 * memoised for the build, so a roll shared by 400 pages is hashed once, not
 * 400 times; a page's key then follows whatever its props hold (a roll's
 * total count included) instead of a hand-picked list of fields.
 */
export function valueKey(value: unknown): string {
  if (typeof value === 'function') return 'ƒ';
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const cached = valueKeys.get(value);
  if (cached) return cached;
  // A placeholder first: a cycle hashes as a back-reference instead of recursing for ever.
  valueKeys.set(value, 'cycle');
  const key = isHonouree(value)
    ? entryKey(value)
    : Array.isArray(value)
      ? hashOf(value.map(valueKey))
      : hashOf(Object.entries(value).map(([k, v]) => [k, valueKey(v)]));
  valueKeys.set(value, key);
  return key;
}

/** The key of a page from everything it is given (its props) and the site-wide inputs. */
export function propsKey(site: string, props: Record<string, unknown>): string {
  return hashOf(site, valueKey(props));
}

/**
 * A roll page, from what it shows: its entries and groups, its place in the
 * roll (number, total, order) and the roll's name and counts, with `shown`
 * (what else the page is given, a release's intro). Not the roll's other
 * entries: a new entry or an edit on page 9 leaves page 2 as it was unless it
 * shifts it or changes the counts every page prints.
 */
export function rollPageKey<S>(site: string, page: RollPage<S>, shown: Record<string, unknown> = {}): string {
  const { entries, ...list } = page.list;
  let counts = rollCounts.get(entries);
  if (!counts) rollCounts.set(entries, (counts = kindCounts(entries)));
  return propsKey(site, { page: { ...page, list: { ...list, counts } }, ...shown });
}

/** A roll's counts, once per roll: the people roll has 834 pages at 10,000 entries. */
const rollCounts = new WeakMap<object, ReturnType<typeof kindCounts>>();

/**
 * An entry page: the entry, its related entries, its previous and next in the
 * release, the story search shard the page names, and the site-wide inputs.
 */
export function entryPageKey(
  site: string,
  entry: Honouree,
  related: readonly Honouree[],
  neighbours: { release: { name: string; base: string }; prev?: Honouree; next?: Honouree } | undefined,
  shard: string,
): string {
  return hashOf(
    site,
    shard,
    entryKey(entry),
    related.map(entryKey),
    neighbours && {
      name: neighbours.release.name,
      base: neighbours.release.base,
      prev: neighbours.prev && entryKey(neighbours.prev),
      next: neighbours.next && entryKey(neighbours.next),
    },
  );
}
