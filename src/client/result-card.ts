/**
 * A search result's card: a copy of the card template the search page renders
 * with EntryCard.astro (the site's own card, so its markup lives there alone),
 * filled with the result's name, link, photo, badge, county and deed.
 */
import { badgeClass, levelOf, levelWords, phrasePieces } from '../rules/honour-badge.ts';
import type { PagefindMeta } from './pagefind.ts';

/** The metadata of an entry page's record in the story indexes (its data-pagefind-meta); a names-table row gives the same. */
export interface ResultMeta extends PagefindMeta {
  image?: string;
  region?: string;
  honour?: string;
  level?: string;
  summary?: string;
  /** A provincial portal's record: the member's page it opens (absolute), in place of the indexed path. */
  link?: string;
}

/** What a result card shows. */
export interface ResultData {
  url: string;
  meta: ResultMeta;
  /** A story result's indexed words: its card shows the passage with the query's words. */
  text?: string;
}

/** A copy of `template`'s first element, of `type`. */
function copyOf<T extends Element>(template: HTMLTemplateElement, type: abstract new () => T): T {
  // A clone stays in the template's inert document (nothing it names loads) until it joins the page.
  const copy = template.content.firstElementChild?.cloneNode(true);
  if (!(copy instanceof type)) throw new Error(`card template #${template.id} holds no ${type.name}`);
  return copy;
}

/** The cards of search results, from the page's card template (a list item holding the card). */
export function resultCards(template: HTMLTemplateElement): (result: ResultData) => HTMLLIElement {
  return (result) => cardOf(copyOf(template, HTMLLIElement), result);
}

/** Fills a copy of the card template with a result. */
/** Pieces of text with a line break allowed between them (BreakText.astro's, in the page). */
const withBreaks = (pieces: readonly string[]): Node[] =>
  pieces.flatMap((piece, i) =>
    i > 0 ? [document.createElement('wbr'), document.createTextNode(piece)] : [document.createTextNode(piece)],
  );

function cardOf(item: HTMLLIElement, { url, meta }: ResultData): HTMLLIElement {
  const part = <T extends Element>(selector: string, type: abstract new () => T): T => {
    const found = item.querySelector(selector);
    if (!(found instanceof type)) throw new Error(`card template has no ${selector}`);
    return found;
  };
  const photo = part('img.thumb', HTMLImageElement);
  const initial = part('.thumb.placeholder', HTMLElement);
  const link = part('.card-name a', HTMLAnchorElement);
  const line = part('.card-meta', HTMLElement);
  const badge = part('.card-meta .badge', HTMLElement);
  const levelText = part('.badge .visually-hidden', HTMLElement);
  const summary = part('.card-summary', HTMLElement);

  // A photo, or the name's first character in its place (hidden from screen readers: the name follows).
  if (meta.image) {
    photo.src = meta.image;
    initial.remove();
  } else {
    photo.remove();
    initial.textContent = meta.title.slice(0, 1);
  }
  link.href = url;
  link.replaceChildren(...withBreaks(phrasePieces(meta.title)));
  // The same badge as the site's own cards: the words carry the level, the colour repeats it.
  if (meta.honour) {
    const level = levelOf(meta.level);
    badge.className = badgeClass(level);
    if (level) {
      levelText.textContent = levelWords(level);
      badge.replaceChildren(levelText, ...withBreaks(phrasePieces(meta.honour)));
    } else badge.replaceChildren(...withBreaks(phrasePieces(meta.honour)));
    line.replaceChildren(badge, ' ', meta.region ?? '');
  } else line.replaceChildren(meta.region ?? '');
  summary.textContent = meta.summary ?? '';
  return item;
}
