/**
 * The output gate: the guarantee that no personal data is published. Before
 * a build's output is released it reads what residents and machines will
 * read — the visible text and every attribute of each HTML page (the same
 * pages the search indexer reads), every JSON, CSV, XML and text file, every
 * path — with the one privacy scanner of the content check. The photo
 * renditions the pages refer to are made next (`makeAssets`), then every
 * image file is checked for metadata, and image files no page refers to
 * (an original copied beside its renditions would carry EXIF and GPS) are
 * removed. The content check is the early, friendly warning; this is
 * the last line.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extname, join, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { passMemo, type PassMemo } from '../build/pass-memo.ts';
import { SEARCH_TERMS_ATTR } from '../rules/search-terms-attr.ts';
import { routes } from '../model/routes.ts';
import sharp from 'sharp';
import {
  findPersonalData,
  mask,
  normaliseForScan,
  PERSONAL_DATA_LABELS,
  type PublicContacts,
} from '../rules/privacy.ts';
import type { Problem } from '../rules/problems.ts';

/** Elements that end a run of text for a reader (a number never continues across them). */
const BLOCKS = new Set(
  'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul option select button label title meta link script'.split(
    ' ',
  ),
);
/** Stands between blocks: not a separator the scanner reads through. */
const BREAK = '\u0001';

/** Texts longer than this are not remembered as clean: story paragraphs, each on one page only. */
const CLEAN_TEXT_MAX = 200;

/** Meta tags whose `content` is an image the page shows when shared. */
const IMAGE_META = new Set(['og:image', 'twitter:image']);

/** The site's folder of built assets (photo renditions, bundles), as a path inside the output. */
const ASSETS = routes.assets.replace(/^\/|\/$/g, '');

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
 * every attribute value. Read with htmlparser2's streaming parser, entities
 * decoded: the same texts as building a DOM with node-html-parser (compared
 * on all 15,318 pages of the 10,000-entry bench), in 8.8 s instead of 20.1 s.
 * The files of the assets folder the page shows as images are added to
 * `images` in the same pass (reading them in a pass of their own took 4.7-6.5 s
 * at 10,000 entries, on every build).
 */
export function pageTexts(html: string, images: string[] = []): string[] {
  const texts: string[] = [];
  let visible = '';
  // Style sheets are not read by anyone; scripts are kept (their strings can carry data).
  let inStyle = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          // The search words of a name are separate words, each a part of the name (which is read
          // as text too): side by side, the number in 安泽县第13438志愿服务队 cut into 13, 134, 343, 438
          // read as a mobile number, and a roll of 30,000 entries failed on 672 such pages.
          if (attribute === SEARCH_TERMS_ATTR) texts.push(...value.split(/\s+/));
          else texts.push(value);
        }
        images.push(...imagesOf(name, attributes));
        if (name === 'style') inStyle += 1;
        if (BLOCKS.has(name)) visible += BREAK;
      },
      ontext(text) {
        if (!inStyle) visible += text;
      },
      onclosetag(name) {
        if (name === 'style') inStyle -= 1;
        if (BLOCKS.has(name)) visible += BREAK;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  texts.push(...visible.split(BREAK));
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

/** A file of the assets folder named in a style sheet or a script. */
const ASSET_IN_CODE = new RegExp(`${ASSETS}/([^"'()\\s?#,]+)`, 'g');

const TEXT_TYPES = new Set(['.html', '.json', '.csv', '.xml', '.txt', '.webmanifest', '.conf', '']);
const IMAGE_TYPES = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif']);

function walkFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(dir, name)).isFile()) out.push(name.split(sep).join('/'));
  }
  return out.sort();
}

/** The texts of one output file the scanner reads; a page's images are added to `images`. */
function fileTexts(text: string, ext: string, images: string[]): string[] {
  if (ext === '.html') return pageTexts(text, images);
  if (ext === '.json' || ext === '.webmanifest') {
    try {
      return jsonStrings(JSON.parse(text));
    } catch {
      return [text];
    }
  }
  if (ext === '.xml') return text.replace(/<[^>]*>/g, BREAK).split(BREAK);
  return [text];
}

export interface GateOptions {
  /** The site's declared public contacts. */
  allowed: PublicContacts;
  /** Content files to name as the source of a hit (path as shown, and its text); read only when there is a hit. */
  sources: () => ReadonlyArray<{ file: string; text: string }>;
  /**
   * Files that passed an earlier build, by content hash (gateMemoKey); an
   * unchanged page is not scanned again. In memory only when not given.
   */
  memo?: PassMemo<string[]>;
  /** From how many files the scan runs in worker threads (default 2,000). */
  parallelFrom?: number;
  /** Makes the files the scanned output refers to (the photo renditions) before images are checked. */
  makeAssets?: (referenced: ReadonlySet<string>) => Promise<Problem[]>;
}

/** What decides a file's verdict besides its bytes: the scanner's and the gate's code, and the allowed contacts. */
const RULES = createHash('sha256')
  .update(readFileSync(new URL('../rules/privacy.ts', import.meta.url)))
  .update(readFileSync(new URL('./output-gate.ts', import.meta.url)))
  .digest('hex');

/** The memo key of an output file: its path, its bytes, and everything else its verdict depends on. */
function gateMemoKey(path: string, raw: string, allowed: PublicContacts): string {
  return createHash('sha256')
    .update(RULES)
    .update(JSON.stringify(allowed))
    .update('\0')
    .update(path)
    .update('\0')
    .update(raw)
    .digest('base64url');
}

/** The memo key of an image that passed the metadata check: its bytes (any path) and the gate's code. */
const imageMemoKey = (bytes: Buffer): string =>
  createHash('sha256').update(RULES).update('\0image\0').update(bytes).digest('base64url');

/** Digits and letters only: how a hit is looked for in the content files. */
const bare = (s: string) => normaliseForScan(s).replace(/[^0-9A-Za-z@.\u4e00-\u9fa5]/g, '');

/**
 * What one scan of some output files found: hits by file, the assets that
 * style sheets and scripts name, and each file that passed by memo key, with
 * the images it shows when it was read (a file known to have passed is not).
 */
export interface ScanResult {
  hits: Array<{ file: string; kind: keyof typeof PERSONAL_DATA_LABELS; match: string }>;
  referenced: string[];
  passed: Array<{ key: string; images?: string[] }>;
}

/**
 * Scans `files` of the output folder `dir`; a file whose memo key is in
 * `known` passed an earlier build unchanged and is not read again (the
 * images it shows are kept with its pass). Runs in the gate's worker threads
 * (gate-worker.ts).
 */
export function scanFiles(
  dir: string,
  files: readonly string[],
  allowed: PublicContacts,
  known: ReadonlySet<string>,
): ScanResult {
  const result: ScanResult = { hits: [], referenced: [], passed: [] };
  const referenced = new Set<string>();
  const clean = new Set<string>();
  for (const f of files) {
    const ext = extname(f).toLowerCase();
    for (const found of findPersonalData(f, allowed)) result.hits.push({ file: f, ...found });
    if (!TEXT_TYPES.has(ext) && ext !== '.css' && ext !== '.js') continue;
    const raw = readFileSync(join(dir, f), 'utf8');
    // Style sheets and scripts are built from the project's code alone and may name a file of
    // their own anywhere; pages are read for the images they show as they are scanned.
    if (ext === '.css' || ext === '.js') {
      for (const m of raw.matchAll(ASSET_IN_CODE)) referenced.add(`${ASSETS}/${m[1] ?? ''}`);
      continue;
    }
    // A warm or release rebuild leaves most pages as they were: 15,000 pages are hashed in
    // about a second and only the changed ones are scanned.
    const key = gateMemoKey(f, raw, allowed);
    if (known.has(key)) {
      result.passed.push({ key });
      continue;
    }
    const before = result.hits.length;
    const images: string[] = [];
    for (const text of fileTexts(raw, ext, images)) {
      // The scanner's answer depends on the text alone; headers, footers, class names and card
      // texts repeat on thousands of pages (2,483 texts on one roll page; 29 s of 56 s at 10,000
      // entries before). A text with a hit is never added, so each file with it is reported.
      if (clean.has(text)) continue;
      const found = findPersonalData(text, allowed);
      // Kept as a copy of its own: a text is a slice of its page, and keeping the slice kept the
      // whole page alive (a cold gate at 10,000 entries: 1,180 MB, now 654). A text this long is a
      // story's paragraph, met once.
      if (!found.length && text.length <= CLEAN_TEXT_MAX) clean.add(Buffer.from(text).toString());
      for (const one of found) result.hits.push({ file: f, kind: one.kind, match: one.match });
    }
    if (result.hits.length === before) result.passed.push({ key, images: [...new Set(images)] });
    else for (const image of images) referenced.add(image);
  }
  result.referenced = [...referenced];
  return result;
}

/** Below this many files one thread scans them all (a worker costs about 0.1 s to start). */
const PARALLEL_FROM = 2000;

/** Scans the files in one worker thread per core, each taking every n-th file. */
async function scanInWorkers(
  dir: string,
  files: string[],
  allowed: PublicContacts,
  known: Set<string>,
  parallelFrom = PARALLEL_FROM,
) {
  const threads = Math.min(availableParallelism(), 4);
  if (files.length < parallelFrom || threads < 2) return [scanFiles(dir, files, allowed, known)];
  return Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const mine = files.filter((_, i) => i % threads === t);
      const worker = new Worker(new URL('./gate-worker.ts', import.meta.url), {
        workerData: { dir, files: mine, allowed, known: [...known] },
      });
      return new Promise<ScanResult>((done, fail) => {
        worker.once('message', (r: ScanResult) => done(r));
        worker.once('error', fail);
        worker.once('exit', (code) => fail(new Error(`output gate worker stopped (${code})`)));
      });
    }),
  );
}

/**
 * Scans a build's output folder; removes image files no output refers to.
 * Returns one problem per hit, naming the output file and (when it can be
 * found) the content file it came from. At 10,000 entries the pages are
 * scanned in one worker thread per core (2 here: 30.9 s in one thread, 17.8 s in two, the same minute).
 */
export async function gateOutput(dir: string, options: GateOptions): Promise<Problem[]> {
  const problems: Problem[] = [];
  const files = walkFiles(dir);
  // The content is read only for a hit: a clean build (the usual case) never reads it again.
  let bareSources: Array<{ file: string; text: string }> | undefined;
  const sourceOf = (match: string) => {
    bareSources ??= options.sources().map((s) => ({ file: s.file, text: bare(s.text) }));
    return bareSources.find((s) => s.text.includes(bare(match)))?.file;
  };
  const memo = options.memo ?? passMemo<string[]>();
  // A pass kept without the page's images (an older memo) is not trusted: the page is read again.
  const known = new Set([...memo.known()].filter((key) => memo.get(key) !== undefined));
  const scans = await scanInWorkers(dir, files, options.allowed, known, options.parallelFrom);
  const order = new Map(files.map((f, i) => [f, i]));
  const hits = scans.flatMap((s) => s.hits).sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  for (const found of hits) problems.push(hit(found.file, found, sourceOf(found.match)));
  const referenced = new Set(scans.flatMap((s) => s.referenced));
  for (const { key, images } of scans.flatMap((s) => s.passed)) {
    memo.add(key, images);
    for (const image of images ?? memo.get(key) ?? []) referenced.add(image);
  }
  if (options.makeAssets) problems.push(...(await options.makeAssets(referenced)));
  // The photo step adds files to the assets folder only.
  const made = options.makeAssets && existsSync(join(dir, ASSETS)) ? readdirSync(join(dir, ASSETS)) : [];
  for (const f of [...new Set([...files, ...made.map((name) => `${ASSETS}/${name}`)])].sort()) {
    if (!IMAGE_TYPES.has(extname(f).toLowerCase())) continue;
    if (f.startsWith(`${ASSETS}/`) && !referenced.has(f)) {
      // An original Astro copied beside its renditions: no page shows it, and it carries the camera's metadata.
      rmSync(join(dir, f));
      continue;
    }
    // Renditions are linked unchanged from the cache on most builds: reading each one's metadata
    // took 0.71-0.80 ms, reading and hashing it 0.05 ms (the bench's 120 renditions, 5 rounds).
    const bytes = readFileSync(join(dir, f));
    const key = imageMemoKey(bytes);
    if (memo.has(key)) continue;
    const meta = await sharp(bytes).metadata();
    if (!(meta.exif || meta.xmp || meta.iptc)) memo.add(key);
    else {
      problems.push({
        file: f,
        field: '照片',
        message: '发布的图片带有元数据（EXIF/XMP/IPTC，可能含拍摄地点和机主）：这是构建程序的缺陷，请联系技术人员',
        severity: 'error',
      });
    }
  }
  // Passes are kept only from a build that passed as a whole.
  if (!problems.length) memo.save();
  return problems;
}

function hit(
  file: string,
  found: { kind: keyof typeof PERSONAL_DATA_LABELS; match: string },
  source: string | undefined,
): Problem {
  const label = PERSONAL_DATA_LABELS[found.kind];
  return {
    file,
    field: source ? `来源 ${source}` : '',
    message: `即将发布的内容含有${label.what}（${mask(found.match)}）：${label.fix}；已停止发布`,
    severity: 'error',
  };
}
