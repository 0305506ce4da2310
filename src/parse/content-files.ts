/**
 * Which files are content, and reading them as text. Only regular files
 * inside the content root count: a symlink (to an entry, a photo, a folder)
 * could make the build read anything on the disk, so it is refused, never
 * followed. The check and the entry loader both list entries here, so they
 * see the same files.
 */
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Largest entry file (front matter and story) read at all; bigger ones are refused unread. */
export const ENTRY_FILE_MAX_BYTES = 512 * 1024;

/** What a walk of `entries/` found: entry files, and paths that are refused as they are. */
export interface EntryListing {
  /** Absolute paths of regular `.mdx` files, sorted. */
  files: string[];
  /** Absolute paths of symbolic links (to files or folders), which are never followed. */
  symlinks: string[];
}

/** Every regular `.mdx` file below `dir`, and every symlink met on the way (not followed). */
export function listEntryFiles(dir: string): EntryListing {
  const files: string[] = [];
  const symlinks: string[] = [];
  const pending = [dir];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let names: string[];
    try {
      names = readdirSync(current);
    } catch {
      continue; // a missing entries folder is reported by the check
    }
    for (const name of names) {
      const path = join(current, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) symlinks.push(path);
      else if (stat.isDirectory()) pending.push(path);
      else if (stat.isFile() && name.toLowerCase().endsWith('.mdx')) files.push(path);
    }
  }
  return { files: files.sort(), symlinks: symlinks.sort() };
}

export type TextResult = { ok: true; text: string } | { ok: false; message: string };

/** A content file as UTF-8 text (a leading BOM dropped), or a Chinese message saying how to save it. */
export function readContentText(path: string, maxBytes: number): TextResult {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink() || !stat.isFile()) {
    return { ok: false, message: '这是一个链接（快捷方式）或不是普通文件：请把真正的文件放在这里' };
  }
  if (stat.size > maxBytes) {
    return {
      ok: false,
      message: `文件太大（${Math.ceil(stat.size / 1024)} KB，最多 ${maxBytes / 1024} KB）：请删减内容`,
    };
  }
  const bytes = readFileSync(path);
  return decodeText(bytes);
}

/** UTF-8 bytes as text, refusing UTF-16, other encodings and NUL bytes with the fix. */
export function decodeText(bytes: Uint8Array): TextResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: '文件是 UTF-16（Unicode）编码：请用记事本或 WPS “另存为”，编码选 UTF-8' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: '文件不是 UTF-8 编码（可能是 GBK/ANSI）：请用记事本或 VS Code “另存为”，编码选 UTF-8',
    };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return {
      ok: false,
      message: `第 ${line} 行含有空字符（NUL），文件可能已损坏或不是文本：请重新保存为 UTF-8 文本`,
    };
  }
  return { ok: true, text };
}

/** True when `path` is `root` itself or lies inside it, after resolving `..` (no symlinks followed). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The form of an entry photo's path: a file of the entry's own folder. */
const PHOTO_SRC = /^\.\/[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|webp)$/i;

/** HEIF brands (ISO base media `ftyp`) that phones write: HEIC photos, image sequences, plain HEIF. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

/** Whether a file's first bytes are a HEIF/HEIC image, whatever its name. */
export function isHeifFile(path: string): boolean {
  const head = Buffer.alloc(12);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (readSync(fd, head, 0, 12, 0) < 12) return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return head.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(head.toString('latin1', 8, 12));
}

/**
 * Why an entry's `photo.src` is refused, or undefined when it names a regular
 * file beside the entry, inside the content root. `expected` is the name the
 * photo should have (the entry's slug), for a message that is one complete fix.
 * A HEIC/HEIF photo (an iPhone's own format, which browsers do not show) is
 * refused by its name or its first bytes before anything else is said of it.
 */
export function photoPathFinding(
  root: string,
  entryPath: string,
  src: string,
  expected: string = basename(entryPath, '.mdx'),
): { code: string; message: string } | undefined {
  const path = resolve(dirname(entryPath), src);
  const beside = !src.includes('..') && !src.includes('/', src.startsWith('./') ? 2 : 0) && !isAbsolute(src);
  const regular = (() => {
    try {
      return beside && lstatSync(path).isFile();
    } catch {
      return false;
    }
  })();
  if (/\.hei[cf]s?$/i.test(src) || (regular && isHeifFile(path))) {
    return {
      code: 'photo.heic',
      message: `照片 ${src.slice(0, 80)} 是 HEIC/HEIF 格式（苹果手机默认的照片格式），网页不能显示：请在手机或电脑上导出为 JPEG，命名为 ${expected}.jpg 放在条目文件旁边，并把 src 改为 ./${expected}.jpg`,
    };
  }
  if (!PHOTO_SRC.test(src) || src.includes('..')) {
    return {
      code: 'photo.path',
      message: `照片路径“${src.slice(0, 80)}”不对：照片必须放在条目文件所在的文件夹，文件名只用字母、数字和连字符：请把照片文件改名为 ${expected}.jpg（PNG 照片用 .png），并把 src 改为 ./${expected}.jpg`,
    };
  }
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { code: 'photo.path', message: `找不到照片文件 ${src}，请把照片放在条目文件旁边并核对文件名` };
  }
  if (stat.isSymbolicLink() || !stat.isFile()) {
    return {
      code: 'photo.path',
      message: `照片 ${src} 是一个链接（快捷方式）或不是普通文件：请把照片文件本身放在条目旁边`,
    };
  }
  if (!isInside(realpathSync(root), realpathSync(path))) {
    return { code: 'photo.path', message: `照片 ${src} 不在内容目录里：请把照片文件本身放在条目旁边` };
  }
  return undefined;
}

/** The same problem's message alone (the code is src/rules/problem-codes.ts's). */
export function photoPathProblem(
  root: string,
  entryPath: string,
  src: string,
  expected: string = basename(entryPath, '.mdx'),
): string | undefined {
  return photoPathFinding(root, entryPath, src, expected)?.message;
}
