/**
 * Photos sent from the desk. Decap holds an upload until the entry is saved and sends it with the
 * save (`assets` of persistEntry) under the name the editor's file had (`IMG_2034.HEIC`, `微信图片.jpg`);
 * the roll expects the photo beside the entry as `<slug>.jpg`. So an upload is judged by the
 * check's own photo rules (src/editor/photo-check.ts, the HEIC rule of src/parse/content-files.ts)
 * from a private temporary copy, never from the content root, and is named by its real format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { photoPathFinding, isHeifFile } from '../parse/content-files.ts';
import { photoReport } from '../editor/photo-check.ts';
import type { Problem } from '../rules/problems.ts';

/** The file name ending of each photo format the site shows. */
const EXT_OF_FORMAT: Readonly<Record<string, string>> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** What the checks said of an uploaded photo, and the name it gets beside the entry when it passed. */
export interface JudgedPhoto {
  /** Errors and warnings, as the check words them (field `photo.src`). */
  problems: Problem[];
  /** `<slug>.jpg` (or `.png`, `.webp` by the photo's real format), when it has no error. */
  name?: string;
}

/** An upload's name, safe to use as a file name in a private folder (its last part, no control characters). */
export function uploadName(path: string): string {
  // eslint-disable-next-line no-control-regex
  const name = basename(path.replace(/\\/g, '/')).replace(/[\0-\x1f]/g, '');
  return name === '' || name === '.' || name === '..' ? 'photo' : name.slice(0, 120);
}

/**
 * Judges an uploaded photo's bytes for the entry `slug`: a HEIC/HEIF file (by its name or its
 * first bytes) is refused with the check's message (导出为 JPEG), then the check's photo report
 * (unreadable, not a still photo, too small or large, a screenshot) runs on a private copy.
 * `file` names the entry in the problems.
 */
export async function judgeUpload(
  bytes: Uint8Array,
  uploaded: string,
  slug: string,
  file: string,
): Promise<JudgedPhoto> {
  const dir = mkdtempSync(join(tmpdir(), 'honour-desk-'));
  try {
    const name = uploadName(uploaded);
    const path = join(dir, name);
    writeFileSync(path, bytes, { flag: 'wx' });
    const problem = (code: Problem['code'], message: string, severity: Problem['severity'] = 'error'): Problem => ({
      file,
      field: 'photo.src',
      message,
      severity,
      code,
    });
    if (/\.hei[cf]s?$/i.test(name) || isHeifFile(path)) {
      // The check's own words, naming the file the editor chose.
      const finding = photoPathFinding(dir, join(dir, `${slug}.mdx`), `./${name}`, slug);
      if (finding?.code === 'photo.heic') return { problems: [problem('photo.heic', finding.message)] };
    }
    let format: string | undefined;
    try {
      format = (await sharp(path, { limitInputPixels: false }).metadata()).format;
    } catch {
      format = undefined;
    }
    const ext = EXT_OF_FORMAT[format ?? ''];
    const label = `./${slug}.${ext ?? 'jpg'}`;
    const report = await photoReport(path, `${name}（将保存为 ${label}）`);
    const problems = [
      ...report.errors.map((f) => problem(f.code, f.message)),
      ...report.warnings.map((f) => problem(f.code, f.message, 'warning')),
    ];
    return { problems, name: report.errors.length || !ext ? undefined : `${slug}.${ext}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
