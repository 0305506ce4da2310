/** The output gate's scan of some output files for personal data, in one thread (gate-pool.ts runs it in several). */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { findPersonalData, hitKey, PERSONAL_DATA_LABELS, type PublicContacts } from '../rules/privacy.ts';
import { ASSETS, fileTexts } from './gate-texts.ts';
import { gateMemoKey } from './gate-keys.ts';

/** Texts longer than this are not remembered as clean: story paragraphs, each on one page only. */
const CLEAN_TEXT_MAX = 200;

/** A file of the assets folder named in a style sheet or a script. */
const ASSET_IN_CODE = new RegExp(`${ASSETS}/([^"'()\\s?#,]+)`, 'g');

/** The output files the scan reads as text. */
const TEXT_TYPES = new Set(['.html', '.json', '.csv', '.xml', '.txt', '.webmanifest', '.conf', '']);

/**
 * What one scan of some output files found: hits by file, the assets that
 * style sheets and scripts name, and each file that passed by memo key, with
 * the images it shows when it was read (a file known to have passed is not).
 */
export interface ScanResult {
  hits: Array<{ file: string; kind: keyof typeof PERSONAL_DATA_LABELS; match: string }>;
  referenced: string[];
  passed: Array<{ key: string; images?: string[] }>;
  /** HTML pages scanned, and those of them not known from the last build (new or changed bytes). */
  pages: { total: number; changed: number };
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
  const result: ScanResult = { hits: [], referenced: [], passed: [], pages: { total: 0, changed: 0 } };
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
    if (ext === '.html') {
      result.pages.total += 1;
      if (!known.has(key)) result.pages.changed += 1;
    }
    if (known.has(key)) {
      result.passed.push({ key });
      continue;
    }
    const before = result.hits.length;
    const images: string[] = [];
    // A number is reported once per file, though a block and the joined text of the page both show it.
    const reported = new Set<string>();
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
      for (const one of found) {
        if (reported.has(hitKey(one))) continue;
        reported.add(hitKey(one));
        result.hits.push({ file: f, kind: one.kind, match: one.match });
      }
    }
    if (result.hits.length === before) result.passed.push({ key, images: [...new Set(images)] });
    else for (const image of images) referenced.add(image);
  }
  result.referenced = [...referenced];
  return result;
}
