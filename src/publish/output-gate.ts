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
 * the last line. What it reads of a file is in gate-texts.ts, the scan in
 * gate-scan.ts (in threads: gate-pool.ts), its memo keys in gate-keys.ts.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import sharp from 'sharp';
import { passMemo, type PassMemo } from '../build/pass-memo.ts';
import { mask, normaliseForScan, PERSONAL_DATA_LABELS, type PublicContacts } from '../rules/privacy.ts';
import type { Problem } from '../rules/problems.ts';
import { ASSETS } from './gate-texts.ts';
import { imageMemoKey } from './gate-keys.ts';
import { scanInWorkers } from './gate-pool.ts';

/** The output files checked as images. */
const IMAGE_TYPES = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif']);

function walkFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(dir, name)).isFile()) out.push(name.split(sep).join('/'));
  }
  return out.sort();
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
  /** Told how many HTML pages the output has, and how many of them the last passed build did not have byte for byte. */
  counted?: (pages: { total: number; changed: number }) => void;
}

/** Digits and letters only: how a hit is looked for in the content files. */
const bare = (s: string) => normaliseForScan(s).replace(/[^0-9A-Za-z@.\u4e00-\u9fa5]/g, '');

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
  options.counted?.({
    total: scans.reduce((n, s) => n + s.pages.total, 0),
    changed: scans.reduce((n, s) => n + s.pages.changed, 0),
  });
  const order = new Map(files.map((f, i) => [f, i]));
  const hits = scans.flatMap((s) => s.hits).sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  for (const found of hits) problems.push(hit(found.file, found, sourceOf(found.match)));
  const referenced = new Set(scans.flatMap((s) => s.referenced));
  for (const { key, images } of scans.flatMap((s) => s.passed)) {
    memo.add(key, images);
    for (const image of images ?? memo.get(key) ?? []) referenced.add(image);
  }
  if (options.makeAssets) for (const problem of await options.makeAssets(referenced)) problems.push(problem);
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
        code: 'gate.image',
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
    code: 'gate.personal-data',
  };
}
