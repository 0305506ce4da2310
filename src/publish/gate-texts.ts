/**
 * What the output gate reads of each output file: the visible text and every
 * attribute of a page, every string of a JSON file, the text of XML; and the
 * files of the assets folder a page shows as images.
 */
import { Parser } from 'htmlparser2';
import { SEARCH_TERMS_ATTR } from '../rules/search-terms-attr.ts';
import { joinedText } from '../rules/privacy.ts';
import { routes } from '../model/routes.ts';

/** Elements that end a run of text for a reader (a number never continues across them). */
const BLOCKS = new Set(
  'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul option select button label title meta link script'.split(
    ' ',
  ),
);

/** Stands between blocks: not a separator the scanner reads through. */
const BREAK = '\u0001';

/** Meta tags whose `content` is an image the page shows when shared. */
const IMAGE_META = new Set(['og:image', 'twitter:image']);

/** The site's folder of built assets (photo renditions, bundles), as a path inside the output. */
export const ASSETS = routes.assets.replace(/^\/|\/$/g, '');

/** The file of the assets folder a URL in a page names, if any. */
function assetOf(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url.trim(), 'https://site.invalid/').pathname).slice(1);
  } catch {
    return undefined;
  }
  return path.startsWith(`${ASSETS}/`) ? path : undefined;
}

/**
 * The images an element shows, from the attributes that carry them: `src`
 * and `srcset`, the share image's meta tag and the search result's `image:`
 * meta. A story or a field can put any text on a page, a rendition's name
 * included (copied from the site while a withdrawn entry was public), but
 * none of these attributes: stories have no images or HTML (parse/story.ts),
 * and fields are written as text.
 */
function imagesOf(name: string, a: Record<string, string>): string[] {
  const urls: string[] = [];
  if (a.src) urls.push(a.src);
  if (a.srcset) for (const candidate of a.srcset.split(',')) urls.push(candidate.trim().split(/\s+/)[0] ?? '');
  if (name === 'meta' && a.content && IMAGE_META.has(a.property ?? a.name ?? '')) urls.push(a.content);
  const meta = a['data-pagefind-meta'];
  if (meta?.startsWith('image:')) urls.push(meta.slice('image:'.length));
  return urls.map(assetOf).filter((path) => path !== undefined);
}

/**
 * The text a reader sees of a page, blocks apart, inline markup joined; and
 * every attribute value; and the part the story index reads, its blocks
 * joined as Pagefind joins them (a number split across list items or
 * paragraphs is one number in the index and when read aloud). Read with htmlparser2's streaming parser, entities
 * decoded: the same texts as building a DOM with node-html-parser (compared
 * on all 15,318 pages of the 10,000-entry bench), in 8.8 s instead of 20.1 s.
 * The files of the assets folder the page shows as images are added to
 * `images` in the same pass (reading them in a pass of their own took 4.7-6.5 s
 * at 10,000 entries, on every build).
 */
export function pageTexts(html: string, images: string[] = []): string[] {
  const texts: string[] = [];
  let visible = '';
  // The part the story index reads (data-pagefind-body), kept apart as well: Pagefind joins its blocks
  // (joinedText), and so does 语音阅读 within it.
  let indexed = '';
  let articles = 0;
  let indexedAt = 0;
  // Style sheets are not read by anyone; scripts are kept (their strings can carry data).
  let inStyle = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          // The search words of a name are separate words, each a part of the name (which is read
          // as text too): side by side, the number in 安泽县第13438志愿服务队 cut into 13, 134, 343, 438
          // read as a mobile number, and a roll of 30,000 entries failed on 672 such pages.
          // Loops, not push(...): a spread of a page's words overflowed the stack on a 90 MB page.
          if (attribute === SEARCH_TERMS_ATTR) for (const term of value.split(/\s+/)) texts.push(term);
          else texts.push(value);
        }
        for (const image of imagesOf(name, attributes)) images.push(image);
        if (name === 'style') inStyle += 1;
        if (name === 'article') {
          articles += 1;
          if (!indexedAt && 'data-pagefind-body' in attributes) indexedAt = articles;
        }
        if (BLOCKS.has(name)) {
          visible += BREAK;
          if (indexedAt) indexed += BREAK;
        }
      },
      ontext(text) {
        if (inStyle) return;
        visible += text;
        if (indexedAt) indexed += text;
      },
      onclosetag(name) {
        if (name === 'style') inStyle -= 1;
        if (BLOCKS.has(name)) {
          visible += BREAK;
          if (indexedAt) indexed += BREAK;
        }
        if (name === 'article') {
          if (articles === indexedAt) indexedAt = 0;
          articles -= 1;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  for (const text of visible.split(BREAK)) texts.push(text);
  if (indexed) texts.push(joinedText(indexed.split(BREAK)));
  return texts;
}

/** The files of the assets folder a page shows as images (pageTexts). */
export function pageImages(html: string): string[] {
  const images: string[] = [];
  pageTexts(html, images);
  return images;
}

/** Every string of a JSON value. */
function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonStrings(v, out);
  return out;
}

/**
 * The cells of a CSV file (RFC 4180: quoted cells may hold commas, quotes and
 * line breaks). A spreadsheet shows each cell apart, so each is read apart:
 * read as one string, `unit` and `role` side by side spelled a phone number.
 */
export function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n' || c === '\r') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.filter(Boolean);
}

/** The texts of one output file the scanner reads; a page's images are added to `images`. */
export function fileTexts(text: string, ext: string, images: string[]): string[] {
  if (ext === '.html') return pageTexts(text, images);
  if (ext === '.json' || ext === '.webmanifest') {
    try {
      return jsonStrings(JSON.parse(text));
    } catch {
      return [text];
    }
  }
  if (ext === '.xml') return text.replace(/<[^>]*>/g, BREAK).split(BREAK);
  if (ext === '.csv') return csvCells(text);
  return [text];
}
