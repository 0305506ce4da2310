/**
 * The names table: the first tier of search, answering a name, any run of
 * its characters, its pinyin or its initials from one small JSON file.
 *
 * A Pagefind index of every entry page (the names index before this) loads
 * metadata and filter files that grow with the roll: its first results were
 * 117 KiB at 1,000 entries and 183 KiB at 10,000, about 330 KiB by
 * projection at 30,000 and 840 KiB at 100,000, over the 250 KB target; and it
 * was rebuilt over every page on each release (22.4 s of a 10,000-entry
 * release rebuild, and the build's memory peak). docs/performance.md.
 *
 * The table is a tree of keys: the one-character keys (the first character
 * of a name's runs, or the first letter of its pinyin), and, for a key with
 * more than `MAX_ROWS` entries, keys one character longer. Each key is a file
 * of at most `MAX_ROWS` rows; a key that has longer keys below it holds its
 * first rows only (highest honour first) and says so. A query loads one
 * file: the longest key it starts with. The complete answer comes from the
 * story indexes, as before. Pure: the build step (index-site.ts) and the
 * search page (src/client/search.ts) share it.
 */
import { FILTERS, type FilterName } from './search-state.ts';
import type { EntryRecord, Level, TitleData } from '../model/schema.ts';

/** Rows in one file: about 60 KB compressed at most (docs/performance.md). */
export const MAX_ROWS = 800;

/** What the first tier shows and matches of one listed entry. */
export interface NameRow extends Pick<EntryRecord, 'name' | 'summary'> {
  /** The entry page's URL. */
  url: string;
  /** Toneless pinyin syllables of the name, surnames read as surnames (model/names.ts). */
  pinyin: string[];
  /** Honour level of the highest honour (a key of `t.levels`), for the badge's colour and the order. */
  level: Level;
  /** The highest honour's name as the entry shows it. */
  honour: TitleData['name'];
  /** The search result's thumbnail URL, when the entry's public view shows a photo. */
  image?: string;
  /** The filter values the search page offers, as its facets show them. */
  filters: Partial<Record<FilterName, string[]>>;
}

/** A row as a file stores it: positions instead of names (a third of the bytes). */
export type StoredRow = [
  url: string,
  name: string,
  pinyin: string,
  level: Level,
  honour: string,
  summary: string,
  image: string,
  filters: string[][],
];

export const storeRow = (r: NameRow): StoredRow => [
  r.url,
  r.name,
  r.pinyin.join(' '),
  r.level,
  r.honour,
  r.summary,
  r.image ?? '',
  FILTERS.map((f) => r.filters[f] ?? []),
];

export function readRow(s: StoredRow): NameRow {
  const [url, name, pinyin, level, honour, summary, image, filters] = s;
  const row: NameRow = { url, name, pinyin: pinyin ? pinyin.split(' ') : [], level, honour, summary, filters: {} };
  if (image) row.image = image;
  FILTERS.forEach((f, i) => {
    const values = filters[i];
    if (values?.length) row.filters[f] = values;
  });
  return row;
}

/** One file of the table. */
export interface NamesFile {
  key: string;
  /** True when longer keys below this one hold more rows than it does. */
  partial: boolean;
  rows: StoredRow[];
}

/** The table's index: the keys that have longer keys below them, and the facets of every entry. */
export interface NamesIndex {
  split: string[];
  /** Entries per filter value over the whole roll (the search page's empty state). */
  facets: Record<string, Record<string, number>>;
}

/** Lower case, full-width forms folded, spaces and punctuation out: how names and queries are compared. */
export const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');

/** The words of a query, folded; empty words dropped. */
export const queryWords = (q: string): string[] => q.split(/\s+/).map(fold).filter(Boolean);

/**
 * Every string a row is found by a prefix of: each run of the name to its end
 * (any run of characters is the start of one), the pinyin from each syllable
 * on (zhangjianguo, jianguo, guo: full pinyin, the given name, each syllable),
 * and the initials (zjg).
 */
export function rowTerms(row: Pick<NameRow, 'name' | 'pinyin'>): string[] {
  const chars = Array.from(fold(row.name));
  const terms = new Set<string>();
  for (let i = 0; i < chars.length; i++) terms.add(chars.slice(i).join(''));
  for (let i = 0; i < row.pinyin.length; i++) terms.add(row.pinyin.slice(i).join(''));
  const initials = row.pinyin.map((s) => s[0] ?? '').join('');
  if (initials) terms.add(initials);
  return [...terms];
}

/** Whether every word of the query starts one of the row's terms. */
export function rowMatches(terms: readonly string[], words: readonly string[]): boolean {
  return words.every((w) => terms.some((t) => t.startsWith(w)));
}

/** The first `n` characters of a string (code points). */
const head = (s: string, n: number) => Array.from(s).slice(0, n).join('');

/** The key of the file that answers a query word: the longest key it starts with, below `split`. */
export function keyOf(word: string, split: ReadonlySet<string>): string {
  const chars = Array.from(word);
  let n = 1;
  while (n < chars.length && split.has(head(word, n))) n++;
  return head(word, n);
}

/**
 * The file name of a key: its UTF-8 bytes in the letters a-p, so any name
 * is a safe file name, the search page finds it without a list of every key,
 * and no digits in a URL can read as a phone number to the output gate.
 */
export function fileOf(key: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(key)) out += String.fromCharCode(97 + (byte >> 4), 97 + (byte & 15));
  return `${out}.json`;
}

const LEVEL_ORDER: readonly Level[] = ['national', 'provincial', 'city', 'county'];

/** The order rows are stored and cut in: highest honour first, then the name as text. */
function rank(a: NameRow, b: NameRow): number {
  const level = LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level);
  if (level) return level;
  return a.pinyin.join(' ') < b.pinyin.join(' ') ? -1 : a.pinyin.join(' ') > b.pinyin.join(' ') ? 1 : 0;
}

/**
 * Plans the table: the files, each key's rows in rank order, and the index.
 * A key with more than `max` rows gets a key one character longer for every
 * character that follows it in some term; its own file keeps the first `max`.
 */
export function planNamesTable(rows: readonly NameRow[], max = MAX_ROWS): { index: NamesIndex; files: NamesFile[] } {
  const ordered = [...rows].sort(rank);
  const termsOf = ordered.map(rowTerms);
  const files: NamesFile[] = [];
  const split: string[] = [];
  // Row positions (in rank order) under each key, grown one character at a time.
  let level = new Map<string, number[]>();
  termsOf.forEach((terms, i) => {
    for (const key of new Set(terms.map((t) => head(t, 1)))) {
      const list = level.get(key);
      if (list) list.push(i);
      else level.set(key, [i]);
    }
  });
  for (let depth = 1; level.size; depth++) {
    const next = new Map<string, number[]>();
    for (const [key, members] of level) {
      const deeper = new Map<string, number[]>();
      if (members.length > max)
        for (const i of members) {
          const longer = new Set<string>();
          for (const t of termsOf[i] ?? [])
            if (t.startsWith(key) && Array.from(t).length > depth) longer.add(head(t, depth + 1));
          for (const k of longer) {
            const list = deeper.get(k);
            if (list) list.push(i);
            else deeper.set(k, [i]);
          }
        }
      const partial = deeper.size > 0;
      if (partial) {
        split.push(key);
        for (const [k, list] of deeper) next.set(k, list);
      }
      files.push({
        key,
        partial: partial || members.length > max,
        rows: members.slice(0, max).map((i) => storeRow(ordered[i] as NameRow)),
      });
    }
    level = next;
  }
  files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { index: { split: split.sort(), facets: facetCounts(rows) }, files };
}

/** Facet counts of some rows: entries per filter value. */
export function facetCounts(rows: readonly NameRow[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const name of FILTERS) counts[name] = {};
  for (const row of rows)
    for (const [name, values] of Object.entries(row.filters)) {
      const c = (counts[name] ??= {});
      for (const v of new Set(values)) c[v] = (c[v] ?? 0) + 1;
    }
  return counts;
}

/** Whether a row has, for each chosen filter, one of its chosen values. */
export function rowPassesFilters(row: NameRow, filters: Partial<Record<FilterName, readonly string[]>>): boolean {
  return Object.entries(filters).every(
    ([name, chosen]) => !chosen.length || (row.filters[name as FilterName] ?? []).some((v) => chosen.includes(v)),
  );
}

/**
 * The rows of a file that answer a query, the exact name first, then names
 * that start with the query, then the file's order (highest honour first).
 */
export function answer(rows: readonly NameRow[], q: string): NameRow[] {
  const words = queryWords(q);
  if (!words.length) return [];
  const whole = words.join('');
  const found = rows.filter((r) => rowMatches(rowTerms(r), words));
  const score = (r: NameRow) => {
    const name = fold(r.name);
    return name === whole ? 0 : name.startsWith(whole) || r.pinyin.join('').startsWith(whole) ? 1 : 2;
  };
  return found
    .map((r, i) => ({ r, i, s: score(r) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.r);
}
