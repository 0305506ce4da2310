/**
 * The desk's security rules. The desk listens on 127.0.0.1 and writes the content root, so any web
 * page open in the editor's browser could try to reach it: a cross-site form or fetch (it carries
 * the page's Origin, or `Origin: null` from a sandbox or a file), or DNS rebinding (an attacker's
 * name resolving to 127.0.0.1: the request then carries the attacker's Host). So every write must
 * carry exactly the desk's own Host and Origin, be JSON (a plain form cannot send it without a
 * preflight, which the desk never answers with CORS headers), and name the token made at start,
 * which only the desk's own page and configuration know. Paths an action names are judged here too:
 * relative to the content root, no `..`, no symlink on the way, regular files only.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';

/** A fresh per-start token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether two strings are equal, in time that does not depend on where they differ (nor on their lengths). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** The one Host the desk answers to. */
export const deskHost = (port: number): string => `127.0.0.1:${port}`;

/** The one Origin the desk takes writes from. */
export const deskOrigin = (port: number): string => `http://127.0.0.1:${port}`;

/** A header's single value (a repeated header is refused: it has no one meaning). */
function one(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** Why a request may not read the desk's page or configuration, or undefined when it may. */
export function pageRefusal(headers: IncomingHttpHeaders, port: number): string | undefined {
  return one(headers, 'host') === deskHost(port) ? undefined : '地址不对：请用 npm run editor 显示的地址打开编辑台';
}

/**
 * Why a POST to the desk's API is refused, or undefined when it is the desk's own page speaking:
 * Host and Origin exactly the desk's, a JSON body, and the token of this start in the path.
 */
export function postRefusal(
  headers: IncomingHttpHeaders,
  port: number,
  token: string,
  givenToken: string | undefined,
): string | undefined {
  if (one(headers, 'host') !== deskHost(port)) return '地址不对：请用 npm run editor 显示的地址打开编辑台';
  if (one(headers, 'origin') !== deskOrigin(port)) return '请求不是从编辑台自己的页面发出的，已拒绝';
  const type = (one(headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return '请求格式不对（只接受 JSON），已拒绝';
  if (givenToken === undefined || !sameSecret(givenToken, token))
    return '编辑台的通行码不对（编辑台重新启动过？）：请用 npm run editor 新显示的地址重新打开';
  return undefined;
}

/** The token and the rest of an API path `/api/<token>/<rest>`, or undefined for any other path. */
export function apiRoute(pathname: string): { token: string; rest: string } | undefined {
  const m = /^\/api\/([^/]*)\/([a-z0-9]+)$/.exec(pathname);
  return m ? { token: m[1] ?? '', rest: m[2] ?? '' } : undefined;
}

/** A path the protocol names, judged: the absolute path, or why it is refused. */
export type Judged = { ok: true; abs: string; rel: string } | { ok: false; message: string };

/** Photo files the desk reads and writes. */
export const PHOTO_EXT = /\.(?:jpe?g|png|webp)$/i;

/**
 * Judges a path of the proxy protocol, relative to the content root `root` (a real path: the caller
 * resolves it once): only plain `/`-separated names, no `..`, nothing absolute, under `entries/`
 * when `entriesOnly`; every part that exists is a folder or (the last) a regular file, never a
 * symlink. A part that does not exist yet is allowed (a new entry's file, a new county's folder).
 */
export function judgePath(root: string, rel: unknown, entriesOnly = true): Judged {
  const refuse = (why: string): Judged => ({ ok: false, message: `路径${why}，已拒绝` });
  if (typeof rel !== 'string' || rel === '') return refuse('是空的');
  if (rel.length > 300) return refuse('太长');
  // eslint-disable-next-line no-control-regex
  if (/[\\\0-\x1f]/.test(rel) || rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return refuse('不是内容目录里的路径');
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return refuse(`“${rel.slice(0, 80)}”不在内容目录里`);
  if (posix.normalize(rel) !== rel) return refuse(`“${rel.slice(0, 80)}”不在内容目录里`);
  if (entriesOnly && parts[0] !== 'entries') return refuse(`“${rel.slice(0, 80)}”不在条目文件夹 entries 里`);
  let at = root;
  for (const [i, part] of parts.entries()) {
    at = join(at, part);
    let stat;
    try {
      stat = lstatSync(at);
    } catch {
      break; // the rest does not exist yet
    }
    if (stat.isSymbolicLink()) return refuse(`“${rel.slice(0, 80)}”经过一个链接（快捷方式）`);
    const last = i === parts.length - 1;
    if (!last && !stat.isDirectory()) return refuse(`“${rel.slice(0, 80)}”不在内容目录的文件夹里`);
    if (last && !stat.isFile() && !stat.isDirectory()) return refuse(`“${rel.slice(0, 80)}”不是普通文件`);
  }
  return { ok: true, abs: join(root, ...parts), rel };
}
