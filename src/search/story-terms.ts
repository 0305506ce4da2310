/**
 * The terms of a story query that must each be found somewhere for the query to find anything.
 * Pagefind leaves out a term that matches no page and answers with the others: "xyz不存在" found
 * the pages that have 不 (its segmenter splits 不存在, and "xyz" matched nothing). So the search
 * page asks for each term alone first (src/client/search-answers.ts): the words between spaces,
 * and within a word its runs of letters and digits apart from its characters (G209国道: G209,
 * 国道; both are indexed, search-terms.ts).
 */
export function storyTerms(q: string): string[] {
  return q
    .trim()
    .split(/\s+/u)
    .flatMap((word) => word.match(/[\p{L}\p{N}]+/gu) ?? [])
    .flatMap((run) => run.match(/[A-Za-z0-9]+|[^A-Za-z0-9]+/g) ?? []);
}

/**
 * Whether a query is asked of the story indexes: not when it is one character. One character is in
 * nearly every story (的, 好, 不 found 61–65 of the sample's 65 entries), so alone it is looked for in
 * names only, where it finds a surname or finds nobody.
 */
export const searchesStories = (q: string): boolean => Array.from(q.replace(/\s+/gu, '')).length > 1;

/** A query of two characters or more and nothing else (大宁, 敬老院): asked of the story indexes as a phrase. */
export const isCharacterWord = (q: string): boolean => /^\p{sc=Han}{2,}$/u.test(q.trim());

/** What a county is called in its pinyin's last syllable (县 xian, 市 shi, 区 qu): hongtongxian is hongtong. */
const PLACE_SUFFIXES = ['', 'xian', 'shi', 'qu'];

/**
 * Whether a query names a county, so the search page offers its roll: 大宁 or 大宁县 of 大宁县 (one character
 * never does), or its pinyin without its suffix (`pinyin`: hongtong of 洪洞县) with or without the suffix's.
 * A pinyin of under four letters needs the suffix: ji alone is far more often a name's initials than 吉县.
 */
export const namesRegion = (q: string, region: string, pinyin = ''): boolean => {
  const bare = q.replace(/[\s\p{P}]+/gu, '');
  if (isCharacterWord(bare)) return region.startsWith(bare) || bare.includes(region);
  const letters = bare.toLowerCase();
  if (!pinyin || !letters.startsWith(pinyin)) return false;
  const suffix = letters.slice(pinyin.length);
  return PLACE_SUFFIXES.includes(suffix) && (suffix !== '' || pinyin.length >= 4);
};

/**
 * Why the story indexes found a page for a query that the names table did not, as its card says it:
 * its story, or a name close to the query; `plain`: nothing to say (the query is in its name, or the
 * query is in letters: pinyin finds a county, hongtong, and stories are written in characters).
 */
export type StoryHit = 'story' | 'similarName' | 'plain';

/**
 * A story-tier result's reason, from its name and county: `plain` when the name holds every character of the
 * query (a group's name with the query in it), the county's name holds the query, or the query has no characters, `similarName` when it starts as the query does and
 * holds two of its characters or more (何树珍 found 何淑珍: Pagefind also matches the page's name),
 * else `story`: the words are in what it says.
 */
export function storyHit(q: string, name: string, region = ''): StoryHit {
  if (!/\p{sc=Han}/u.test(q)) return 'plain';
  const bare = q.replace(/[\s\p{P}]+/gu, '');
  // The query names the card's county (大宁 of 大宁县): found by its place, not by what its story says.
  if (region && region.includes(bare)) return 'plain';
  const chars = [...new Set(Array.from(bare))];
  const shared = chars.filter((c) => name.includes(c)).length;
  if (chars.length > 0 && shared === chars.length) return 'plain';
  return shared >= 2 && chars[0] === Array.from(name)[0] ? 'similarName' : 'story';
}

/** A piece of a passage, `mark`ed where it is a word of the query. */
export interface PassagePiece {
  text: string;
  mark: boolean;
}

/**
 * The few words of an entry's text around the first of `terms` in it, the terms marked: what a result found in
 * a story shows, since its summary may not have the words (志愿服务 found 林秀芳, whose summary says 义务).
 * At most `before` and `after` characters around it, within its sentence, from a comma where cut before it,
 * with … where cut; nothing when no term is in the text.
 */
export function passageAround(text: string, terms: readonly string[], before = 12, after = 28): PassagePiece[] {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const escaped = terms.filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!escaped.length) return [];
  // Found by one case-blind pattern in the text itself: indexes into a lower-cased copy drift where lowering
  // changes a character's length (İ).
  const words = new RegExp(escaped.join('|'), 'giu');
  const at = flat.search(words);
  if (at < 0) return [];
  // The sentence's bounds: after the last stop before the term, through the first stop after it.
  const stops = [...flat.matchAll(/[。！？!?；;]|\.\s/gu)].map((m) => m.index + m[0].length);
  const from = Math.max(0, ...stops.filter((i) => i <= at));
  const to = Math.min(flat.length, ...stops.filter((i) => i > at));
  // Cut inside the sentence, it starts after a comma in the window, or at the term: …金花每天 read as a name.
  const window = Math.max(from, at - before);
  const comma = window > from ? flat.slice(window, at).search(/[，、,；]/u) : -1;
  const start = window === from ? from : comma >= 0 ? window + comma + 1 : at;
  const end = Math.min(to, at + after);
  const cut = flat.slice(start, end).trim();
  const pieces: PassagePiece[] = [];
  let last = 0;
  for (const m of cut.matchAll(words)) {
    if (m.index > last) pieces.push({ text: cut.slice(last, m.index), mark: false });
    pieces.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (last < cut.length) pieces.push({ text: cut.slice(last), mark: false });
  if (start > from) pieces.unshift({ text: '…', mark: false });
  if (end < to) pieces.push({ text: '…', mark: false });
  return pieces;
}
