/** A sheet's region, title, category and 期次 matched to the content's records, by the names editors write. */
import type { CategoryData, RegionData, TitleData } from '../model/schema.ts';
import { normalizeHeader, parseReleaseQuarter, unquote } from './import-cells.ts';

/** A region by official name, alias, or name without its 区/市/县 ending. */
export function matchRegion(value: string, regions: ReadonlyMap<string, RegionData>): string | undefined {
  const v = value.replace(/\s/g, '');
  for (const [id, r] of regions) {
    if (v === id || v === r.name || r.aliases.includes(v)) return id;
    const short = r.name.length > 2 ? r.name.replace(/[区市县]$/, '') : r.name;
    if (v === short) return id;
  }
  return undefined;
}

/** Words that end an issuing body's name after its place: 临汾市文明办 → 临汾市. */
const ISSUER_OFFICE =
  /(?:精神文明建设指导委员会|精神文明建设委员会|文明委员会|文明委|文明办|人民政府|政府|委员会|办公室)$/;

/** The place prefixes a title's name may be written without: 临汾市文明办 gives 临汾市 and 临汾. */
function placePrefixes(issuer: string): string[] {
  const place = normalizeHeader(issuer).replace(ISSUER_OFFICE, '');
  if (!place || place === normalizeHeader(issuer)) return [];
  const bare = place.length > 2 ? place.replace(/[省市县区]$/, '') : place;
  return [...new Set([place, bare])];
}

/**
 * Every title a sheet's text may mean: its full name, its short name, or
 * either without the issuing body's place prefix (最佳志愿服务组织 for
 * 临汾市最佳志愿服务组织); brackets and spaces ignored.
 */
export function matchTitles(value: string, titles: ReadonlyMap<string, TitleData>): string[] {
  const v = normalizeHeader(unquote(value));
  const exact: string[] = [];
  const loose: string[] = [];
  for (const [id, t] of titles) {
    const names = [t.name, t.short].filter((n): n is string => Boolean(n)).map(normalizeHeader);
    if (v === id || names.includes(v)) exact.push(id);
    else {
      // 临汾市最佳… may be written 临汾最佳… or 最佳…: its core, bare or with any form of its place.
      const prefixes = placePrefixes(t.issuer);
      const forms = names.flatMap((n) => {
        const place = prefixes.find((p) => n.startsWith(p));
        const core = place ? n.slice(place.length) : n;
        return [core, ...prefixes.map((p) => p + core)];
      });
      if (forms.includes(v)) loose.push(id);
    }
  }
  // A full or short name is never ambiguous with a shortened one.
  return exact.length ? exact : loose;
}

/** A title by its full or short name, or without its place prefix, when exactly one title fits. */
export function matchTitle(value: string, titles: ReadonlyMap<string, TitleData>): string | undefined {
  const found = matchTitles(value, titles);
  return found.length === 1 ? found[0] : undefined;
}

/** A category by its name (助人为乐) or id. */
export function matchCategory(value: string, categories: ReadonlyMap<string, CategoryData>): string | undefined {
  const v = value.replace(/\s/g, '');
  for (const [id, c] of categories) if (v === id || v === c.name || `${c.name}类` === v) return id;
  return undefined;
}

/**
 * The release of `title` that a 期次 names: its id (2026-q1), a quarter
 * (2026年第一季度, 三季度, 2026-Q3 in `year`) or a 期 (第3期: the third quarter's);
 * undefined when none matches.
 */
export function releaseForQuarter(
  text: string,
  title: string,
  year: number,
  releases: ReadonlyMap<string, { date: string; honour: string }>,
): string | undefined {
  if (releases.get(text)?.honour === title) return text;
  const q = parseReleaseQuarter(text);
  if (!q) return undefined;
  return [...releases].find(
    ([, r]) =>
      r.honour === title &&
      Number(r.date.slice(0, 4)) === (q.year ?? year) &&
      Math.ceil(Number(r.date.slice(5, 7)) / 3) === q.quarter,
  )?.[0];
}

/** 2026年第三季度, the way an office names a quarter. */
export const quarterName = (year: number, quarter: number) => `${year}年第${'一二三四'[quarter - 1] ?? quarter}季度`;

/** The releases of `title`, as a list for a message: 2026-q1（2026年第一季度）、2026-q2（…）. */
export function releaseList(title: string, releases: ReadonlyMap<string, { date: string; honour: string }>): string {
  return [...releases]
    .filter(([, r]) => r.honour === title)
    .sort(([, a], [, b]) => a.date.localeCompare(b.date))
    .map(([id, r]) => `${id}（${quarterName(Number(r.date.slice(0, 4)), Math.ceil(Number(r.date.slice(5, 7)) / 3))}）`)
    .join('、');
}
