/**
 * What the build knows of a photo file: a digest of its bytes (the names of
 * its renditions, so a replaced photo gets new URLs and an unchanged one the
 * same URLs on every machine) and its size as shown (after EXIF orientation).
 *
 * Pages never import a photo as a module: Astro's image imports kept every
 * source file's bytes in the bundler until the bundle was written (at 10,000
 * entries with 170 photo paths, 630 MB; a roll of 2,000 phone photos would
 * hold 7 GB), and recorded every rendition of every card in the incremental
 * manifest (docs/performance.md). The renditions are made after the pages
 * (renditions.ts, make-renditions.ts).
 *
 * Hashing a 3.6 MB photo takes about 10 ms, so what was learned is kept in
 * the cache under the file's identity (device, inode, size, modification and
 * status-change times: any write, copy or replacement changes it; see
 * editor/photo-memo.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';

/** The file in the cache folder where the build keeps what it read of each photo (loader and photo step). */
export const PHOTO_FILES = 'photo-files.json';

/** A photo as pages use it: never its path, which stays in the cache. */
export interface PhotoFile {
  /** The first 64 bits of the file's SHA-256, in the letters a-p (lettersOf). */
  digest: string;
  /** Width as shown, EXIF orientation applied, px. */
  width: number;
  /** Height as shown, px. */
  height: number;
}

interface Known extends PhotoFile {
  path: string;
}

export interface PhotoFiles {
  /** The photo at `path` as it is now (read and hashed only when it changed). */
  read(path: string): Promise<PhotoFile>;
  /** A photo read in this run or the last one, by digest, with its path, if the file is still as it was. */
  find(digest: string): (PhotoFile & { path: string }) | undefined;
  /** Keeps what this run read (atomically), dropping photos it did not meet. */
  save(): void;
}

/** The file at `path` as it is now; the path is part of it, so hard links of one file are known apart. */
function identity(path: string): string {
  const s = statSync(path, { bigint: true });
  return [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs, path].join(':');
}

/**
 * Hex digits as the letters a-p. A digest in a URL is read by the output
 * gate like any text of a page, and a run of hex digits can spell a phone
 * number (by estimate, one digest in 250); letters never do.
 */
export const lettersOf = (hex: string): string =>
  hex.replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + Number.parseInt(c, 16)));

/** Reads a photo file: digest and oriented size. */
export async function readPhoto(path: string): Promise<PhotoFile> {
  const bytes = readFileSync(path);
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height) throw new Error(`${path}: not an image`);
  const turned = (meta.orientation ?? 1) >= 5;
  return {
    digest: lettersOf(createHash('sha256').update(bytes).digest('hex').slice(0, 16)),
    width: turned ? meta.height : meta.width,
    height: turned ? meta.width : meta.height,
  };
}

/** The photos known in `file` (none: in memory only). A damaged file only costs a re-read. */
export function photoFiles(file?: string): PhotoFiles {
  let known: Record<string, Known> = {};
  if (file && existsSync(file)) {
    try {
      known = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Known>;
    } catch {
      known = {};
    }
  }
  const seen: Record<string, Known> = {};
  return {
    async read(path) {
      const id = identity(path);
      const photo = known[id] ?? { path, ...(await readPhoto(path)) };
      seen[id] = photo;
      known[id] = photo;
      return { digest: photo.digest, width: photo.width, height: photo.height };
    },
    find(digest) {
      for (const [id, photo] of Object.entries(known)) {
        if (photo.digest !== digest) continue;
        try {
          if (identity(photo.path) === id) return photo;
        } catch {
          // moved or deleted since: another record may still name a copy
        }
      }
      return undefined;
    },
    save() {
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(seen));
      renameSync(`${file}.tmp`, file);
    },
  };
}
