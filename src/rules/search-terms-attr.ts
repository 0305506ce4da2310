/**
 * The attribute of an entry page's name that carries its search words (src/search/search-terms.ts),
 * separated by spaces; the story indexes read it, residents never see it.
 */
export const SEARCH_TERMS_ATTR = 'data-search-terms';
