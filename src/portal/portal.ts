/**
 * A provincial portal's build: its members' accepted records, read once per
 * build by the build's first step and kept in the cache folder for the steps
 * after it (scripts/build.ts):
 *
 * - the pages (Astro) read them for the hall of honour, the member tiles and
 *   the names table's rows (portalRow, the same rows as the site's own
 *   entries', linking to the member's page by absolute URL);
 * - the gate step writes one story page per record into the site
 *   (writePortalPages), where the output gate reads it like every page;
 * - the index step indexes those pages as story indexes of their own, a few
 *   per member (`pagefind-stories/<member>-<n>/`, portalShards), and removes
 *   them.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nameSyllables } from '../model/names.ts';
import type { Level } from '../model/schema.ts';
import { formatProblem } from '../rules/problems.ts';
import { SEARCH_TERMS_ATTR } from '../rules/search-terms-attr.ts';
import type { NameRow } from '../search/names-table.ts';
import { RECORD_PAGES, SHARD_ATTR } from '../search/search-index.ts';
import { nameSearchTerms } from '../search/search-terms.ts';
import { t } from '../strings.ts';
import { readMembers, type MemberReport } from './member-data.ts';
import type { PortalRecord } from './records.ts';
import { readSite } from './site.ts';

/** The kept records without their stories (what the pages read), inside the content root's cache folder. */
export const PORTAL_FILE = join('portal', 'records.json');
/**
 * The records' stories, in the records' order: read only by the gate step that writes the story
 * pages, so the pages' process never holds 110,000 stories (150 MB of text at the bench's size).
 */
export const STORIES_FILE = join('portal', 'stories.json');
/**
 * Records per story shard: each member's records are indexed in shards of at most this many,
 * `<member>-<n>`, so no Pagefind process holds more. One index over every record held 4.0 GB
 * at 11,000 records and passed 10 GB at 110,000 (docs/performance.md, session 8); 2,000 pages
 * held 0.7 GB. A member's new release re-indexes that member's shards only.
 */
export const PORTAL_SHARD_RECORDS = 5000;

/** The story shard of each record, in the records' order: `<member>-<n>`, n from 1. */
export function portalShards(records: readonly Pick<PortalRecord, 'member'>[]): string[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const n = seen.get(r.member) ?? 0;
    seen.set(r.member, n + 1);
    return `${r.member}-${Math.floor(n / PORTAL_SHARD_RECORDS) + 1}`;
  });
}

/** What the pages read. */
export interface Portal {
  members: MemberReport[];
  records: PortalRecord[];
}

const LEVEL_RANK: Readonly<Record<Level, number>> = { national: 0, provincial: 1, city: 2, county: 3 };

/** A record's highest honour (members list them highest first; the level decides). */
export function highestOf(r: Pick<PortalRecord, 'honours'>): PortalRecord['honours'][number] {
  return [...r.honours].sort(
    (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.year - a.year,
  )[0] as PortalRecord['honours'][number];
}

/** The region as the portal shows it: the member city, then its county. */
export const placeOf = (r: Pick<PortalRecord, 'memberName' | 'regionName'>): string =>
  `${r.memberName} ${r.regionName}`;

/**
 * Reads the members of the portal at `root` and keeps their accepted records in `cache`
 * (written beside and renamed, never half-written). Undefined when the root is no portal;
 * else the lines for the build's report.
 */
export function preparePortal(root: string, cache: string): string | undefined {
  const site = readSite(root);
  if (!site?.members?.length) return undefined;
  const data = readMembers(root, site.members);
  mkdirSync(join(cache, dirname(PORTAL_FILE)), { recursive: true });
  const keep = (name: string, value: unknown) => {
    const file = join(cache, name);
    writeFileSync(`${file}.tmp`, JSON.stringify(value));
    renameSync(`${file}.tmp`, file);
  };
  keep(
    STORIES_FILE,
    data.records.map((r) => r.story ?? ''),
  );
  const portal: Portal = { members: data.members, records: data.records.map(({ story: _story, ...r }) => r) };
  keep(PORTAL_FILE, portal);
  const lines = data.problems.slice(0, 100).map(formatProblem);
  if (data.problems.length > 100) lines.push(`……还有 ${data.problems.length - 100} 条没有列出。`);
  for (const m of data.members)
    lines.push(
      m.missing
        ? `成员“${m.name}”：没有发布（见上）`
        : `成员“${m.name}”：发布 ${m.published} 条，撤销 ${m.withdrawn} 条不发布，拒收 ${m.refused} 条`,
    );
  const left = data.members.filter((m) => m.missing).length;
  lines.push(
    `省级门户：${data.members.length - left} 个成员、${data.records.length} 条记录发布；` +
      `${left} 个成员和 ${data.problems.length - left} 条记录没有发布，其余照常构建（门户对成员数据的例外，见 README）。`,
  );
  return lines.join('\n');
}

/**
 * The kept portal of the content root whose cache is `cache`, its records' stories too when
 * `withStories`; undefined when there is none.
 */
export function loadPortal(cache: string, withStories = false): Portal | undefined {
  try {
    const portal = JSON.parse(readFileSync(join(cache, PORTAL_FILE), 'utf8')) as Portal;
    if (withStories) {
      const stories = JSON.parse(readFileSync(join(cache, STORIES_FILE), 'utf8')) as string[];
      if (stories.length !== portal.records.length) return undefined;
      portal.records.forEach((r, i) => (r.story = stories[i] || undefined));
    }
    return portal;
  } catch {
    return undefined;
  }
}

/** A record as a names-table row: the member's page, the city beside the county. */
export function portalRow(r: PortalRecord): NameRow {
  const top = highestOf(r);
  return {
    url: r.url,
    name: r.name,
    pinyin: nameSyllables(r.name),
    level: top.level,
    honour: top.titleName,
    summary: r.summary,
    filters: {
      level: [...new Set(r.honours.map((h) => t.levels[h.level]))],
      title: [...new Set(r.honours.map((h) => h.titleName))],
      region: [placeOf(r)],
      category: [r.categoryName],
      year: [...new Set(r.honours.map((h) => t.entry.year(h.year)))],
      kind: [t.kinds[r.kind]],
    },
  };
}

/** Text for HTML, attribute values included. */
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * A record's story page, as Pagefind reads an entry page's article (EntryDetail.astro): the
 * same metadata and filters, plus `link`, the member's page the result opens.
 */
export function recordPage(r: PortalRecord, shard: string): string {
  const row = portalRow(r);
  const meta = (k: string, v: string) => `<span hidden data-pagefind-meta="${esc(`${k}:${v}`)}"></span>`;
  const filters = Object.entries(row.filters).flatMap(([name, values]) =>
    values.map((v) => `<span hidden data-pagefind-filter="${esc(`${name}:${v}`)}"></span>`),
  );
  const story = (r.story ?? '')
    .split('\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
  return [
    '<!doctype html><html lang="zh-CN"><body>',
    `<article data-pagefind-body ${SHARD_ATTR}="${esc(shard)}">`,
    meta('link', r.url),
    meta('honour', row.honour),
    meta('level', row.level),
    meta('region', placeOf(r)),
    ...filters,
    `<h1 data-pagefind-meta="title" data-pagefind-weight="10" data-pagefind-index-attrs="${SEARCH_TERMS_ATTR}" ${SEARCH_TERMS_ATTR}="${esc(nameSearchTerms(r.name, r.kind).join(' '))}">${esc(r.name)}</h1>`,
    `<p data-pagefind-meta="summary" data-pagefind-weight="3">${esc(r.summary)}</p>`,
    `<p>${esc(placeOf(r))} · ${esc(r.categoryName)}</p>`,
    story,
    '</article></body></html>',
  ].join('');
}

/** The URL path of a record's story page in the index: `/<member>/<slug>/`. */
export const recordPath = (r: Pick<PortalRecord, 'id'>): string => `/${r.id}/`;

/** Writes every record's story page into `site/_portal-stories/` for the output gate and the index step. Returns how many. */
export function writePortalPages(site: string, portal: Portal): number {
  const dir = join(site, RECORD_PAGES);
  rmSync(dir, { recursive: true, force: true });
  const shards = portalShards(portal.records);
  portal.records.forEach((r, i) => {
    const file = join(dir, ...r.id.split('/'), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, recordPage(r, shards[i] ?? ''));
  });
  return portal.records.length;
}

/** Hall of honour across the members: national and provincial models first, then the newest honours. */
export function portalHall(records: readonly PortalRecord[], n: number): PortalRecord[] {
  return records
    .map((r) => ({ r, top: highestOf(r) }))
    .sort(
      (a, b) =>
        LEVEL_RANK[a.top.level] - LEVEL_RANK[b.top.level] ||
        b.top.year - a.top.year ||
        (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0),
    )
    .slice(0, n)
    .map((x) => x.r);
}

/** Records per level of their highest honour, for a member's tile. */
export function levelCountsOf(records: readonly PortalRecord[], member: string): Record<Level, number> {
  const counts: Record<Level, number> = { national: 0, provincial: 0, city: 0, county: 0 };
  for (const r of records) if (r.member === member) counts[highestOf(r).level]++;
  return counts;
}
