/**
 * schema.org data for entry pages: a Person (or an Organization for a
 * family or group) with its awards. Minors get their name, school and
 * awards only; withdrawn entries get none at all.
 */
import type { Honouree } from '../roll/roll.ts';
import { routes } from '../model/routes.ts';

export interface EntryLdExtras {
  /** Absolute URL of the entry page. */
  url: string;
  /** Absolute URL of the photo, if it may be shown. */
  image?: string;
  /** Work unit (school for a minor). */
  unit?: string;
  role?: string;
  minor: boolean;
  deceased: boolean;
}

export function entryJsonLd(e: Honouree, x: EntryLdExtras): Record<string, unknown> {
  const isPerson = e.kind === 'person';
  const award = [...e.ladder].reverse().map((h) => `${h.year}年 ${h.title.name}`);
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': isPerson ? 'Person' : 'Organization',
    name: e.name,
    url: x.url,
    description: e.summary,
    award,
  };
  if (x.image && !x.minor) ld.image = x.image;
  if (isPerson && x.unit) {
    ld[x.minor ? 'affiliation' : 'worksFor'] = { '@type': 'Organization', name: x.unit };
  }
  if (isPerson && x.role && !x.minor) ld.jobTitle = x.role;
  if (!isPerson) ld.areaServed = e.region.name;
  return ld;
}

/** schema.org ItemList of a roll page: position, name and URL of each entry in display order. */
export function itemListJsonLd(
  name: string,
  items: ReadonlyArray<{ id: string; name: string }>,
  offset: number,
  siteUrl: string,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    numberOfItems: items.length,
    itemListElement: items.map((e, i) => ({
      '@type': 'ListItem',
      position: offset + i + 1,
      name: e.name,
      url: new URL(routes.entry(e.id), siteUrl).href,
    })),
  };
}
