/**
 * The photo step of a build: makes the renditions the finished pages refer
 * to (renditions.ts names them), after Astro has exited. A rendition made
 * once is kept in the cache under its name, which covers the photo's bytes
 * and every setting, and is hard-linked into the site on later builds.
 *
 * sharp decodes a 4,000 × 3,000 JPEG at a quarter or an eighth of its size
 * when the output is that small (shrink-on-load), and libvips spreads one
 * transform over every core, so one transform per core at a time keeps
 * memory flat: Astro's own step decoded 26 photos at once (about 3 GB,
 * docs/performance.md). Output carries no metadata (sharp keeps none unless
 * asked), and the output gate checks every published image again.
 */
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Problem } from '../rules/problems.ts';
import { linkFile } from '../build/link-files.ts';
import { routes } from '../model/routes.ts';
import { limiter } from './limiter.ts';
import type { PhotoFiles } from './photo-file.ts';
import { fitsPhoto, parseRenditionName, renditionName, type Rendition } from './renditions.ts';

/**
 * sharp's AVIF default effort (4) took 2.5 s for one 720 px photo; effort 2
 * takes 0.2 s at the same PSNR and a smaller file (docs/performance.md).
 */
const AVIF_EFFORT = 2;
/** Bump when the encoding below changes, so kept renditions are made again. */
const MAKER_VERSION = 'm1';

/** Encodes one rendition of the photo at `source` (EXIF orientation applied, centre crop, no metadata). */
export async function renderPhoto(source: string, r: Rendition): Promise<Buffer> {
  const image = sharp(source, { failOn: 'error' })
    .rotate()
    .resize({ width: r.width, height: r.height, fit: 'cover', withoutEnlargement: false });
  const quality = r.quality === undefined ? {} : { quality: r.quality };
  if (r.format === 'avif') image.avif({ effort: AVIF_EFFORT, ...quality });
  else if (r.format === 'webp') image.webp(quality);
  else image.jpeg({ mozjpeg: false, ...quality });
  return image.toBuffer();
}

export interface PhotoStepResult {
  problems: Problem[];
  made: number;
  reused: number;
}

/**
 * Makes every rendition among `referenced` (paths inside the site, such as
 * `_astro/photo-….webp`) into `site`, from the photos `photos` knows, kept in
 * `cache`. Files of the cache no build asked for this time are removed.
 */
export async function makeRenditions(
  site: string,
  referenced: Iterable<string>,
  photos: PhotoFiles,
  cache: string,
): Promise<PhotoStepResult> {
  const folder = routes.assets.replace(/^\/|\/$/g, '');
  const kept = join(cache, MAKER_VERSION);
  mkdirSync(kept, { recursive: true });
  mkdirSync(join(site, folder), { recursive: true });
  const wanted = new Map<string, Rendition>();
  for (const path of referenced) {
    if (!path.startsWith(`${folder}/`)) continue;
    const r = parseRenditionName(path.slice(folder.length + 1));
    // Only the name renditions.ts writes: anything else a page refers to is not a photo of ours.
    if (!r || renditionName(r) !== path.slice(folder.length + 1)) continue;
    // Pages name renditions no larger than the photo (renditions.ts); a name asking for more is
    // not ours (a 30,000 px square took 54 s and gigabytes to make before this check).
    const photo = photos.find(r.digest);
    if (photo && !fitsPhoto(r, photo)) continue;
    wanted.set(renditionName(r), r);
  }
  const problems: Problem[] = [];
  const run = limiter(Math.max(1, availableParallelism()));
  let made = 0;
  await Promise.all(
    [...wanted].map(([name, r]) =>
      run(async () => {
        const cached = join(kept, name);
        if (!existsSync(cached)) {
          const source = photos.find(r.digest)?.path;
          if (!source) {
            problems.push({
              file: `${folder}/${name}`,
              field: '照片',
              message: '页面引用的照片在内容里找不到了（可能在构建时被移动或替换）：请重新构建',
              severity: 'error',
              code: 'gate.image',
            });
            return;
          }
          const tmp = `${cached}.${process.pid}.tmp`;
          try {
            await writeFile(tmp, await renderPhoto(source, r));
          } catch (error) {
            rmSync(tmp, { force: true });
            problems.push({
              file: source,
              field: '照片',
              message: `照片无法处理（${(error as Error).message}）：请换一张 JPEG 或 PNG 照片`,
              severity: 'error',
              code: 'gate.image',
            });
            return;
          }
          renameSync(tmp, cached);
          made += 1;
        }
        linkFile(cached, join(site, folder, name));
      }),
    ),
  );
  for (const f of readdirSync(kept)) if (!wanted.has(f)) rmSync(join(kept, f), { force: true });
  for (const old of readdirSync(cache))
    if (old !== MAKER_VERSION) rmSync(join(cache, old), { recursive: true, force: true });
  return { problems, made, reused: wanted.size - made - problems.length };
}
