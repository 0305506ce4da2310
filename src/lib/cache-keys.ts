/**
 * Cache keys for Astro's incremental build. A page is reused from the last
 * build only when its key is unchanged, so a key must cover every input the
 * page shows: the entry's file (front matter and story, photo included: its
 * URL carries a content hash), the records it points to, the entries listed
 * beside it, and the settings every page prints. Template code is covered by
 * Astro itself (a route's module graph hash).
 */
import { createHash } from 'node:crypto';
import type { Honouree } from './roll.ts';
import type { RollPage } from './rolls.ts';

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

/** An entry page: the entry, its related entries, its previous and next in the release, and the site-wide inputs. */
export function entryPageKey(
  site: string,
  entry: Honouree,
  related: readonly Honouree[],
  neighbours: { release: { name: string; base: string }; prev?: Honouree; next?: Honouree } | undefined,
): string {
  return hashOf(
    site,
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

/** A roll page: which roll, where in it, its group labels and every entry it lists. */
export function rollPageKey<S>(site: string, page: RollPage<S>): string {
  return hashOf(
    site,
    page.list.family,
    page.list.key,
    page.list.name,
    page.list.base,
    page.order,
    page.number,
    page.total,
    page.groups.map((g) => [g.label, g.items.map((e) => entryKey(e))]),
  );
}
