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
