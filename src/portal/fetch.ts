/**
 * `npm run portal:fetch`: downloads each member's open data
 * (`<member url>/data/entries.json`), checks it and stores it at the member's
 * `data` path in the portal's content root, so the build reads local files
 * only and the same content root builds the same portal.
 *
 * A file is written beside its final name and renamed over it only when it is
 * complete and checked: a failed, interrupted or killed download leaves the
 * stored data as it was (a leftover part file is removed by the next run).
 * A member whose `data` is a release folder is not downloaded: its release
 * archive is copied in by hand, with its SHA256SUMS.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import type { MemberData } from '../model/schema.ts';
import { routes } from '../model/routes.ts';
import type { Problem } from '../rules/problems.ts';
import { MEMBER_DATA_MAX_BYTES, recordsOf, sha256 } from './member-data.ts';

/** Marks a file being downloaded: `<name>.part-<pid>`. */
const PART = '.part-';

export interface FetchResult {
  /** A line per member stored. */
  stored: string[];
  problems: Problem[];
}

/** Removes part files a killed run left beside `target`. */
function removeParts(target: string) {
  const dir = dirname(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith(`${basename(target)}${PART}`)) rmSync(resolve(dir, name), { force: true });
}

/** The body of `url`, at most `max` bytes. */
async function download(url: string, max: number, get: typeof fetch, signal?: AbortSignal): Promise<Buffer> {
  const response = await get(url, { signal, redirect: 'follow' });
  if (!response.ok) throw new Error(`服务器回答 HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > max) throw new Error(`文件太大（${declared} 字节）`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > max) throw new Error(`文件太大（${bytes.length} 字节）`);
  return bytes;
}

/** Downloads, checks and stores every member's data under `root`; `get` is `fetch` (tests pass their own). */
export async function fetchMembers(
  root: string,
  members: readonly MemberData[],
  options: {
    get?: typeof fetch;
    signal?: AbortSignal;
    shown?: string;
    /** Told of each member stored, as it is (a long run shows its progress; an interrupted one what it kept). */
    onStored?: (line: string) => void;
  } = {},
): Promise<FetchResult> {
  const { get = fetch, signal, shown = 'site.yaml', onStored } = options;
  const absRoot = resolve(root);
  const result: FetchResult = { stored: [], problems: [] };
  for (const [i, member] of members.entries()) {
    const fail = (why: string) =>
      result.problems.push({
        file: shown,
        field: `members[${i}]`,
        message: `成员“${member.name}”的数据没有下载：${why}。已存的数据没有改动。`,
        severity: 'error',
        code: 'portal.fetch',
      });
    const target = resolve(absRoot, member.data);
    if (!target.startsWith(absRoot + sep)) {
      fail(`data（${member.data}）不在内容目录里`);
      continue;
    }
    if (!member.data.endsWith('.json')) {
      let folder = false;
      try {
        folder = statSync(target).isDirectory();
      } catch {
        /* not there yet */
      }
      fail(
        folder
          ? `data（${member.data}）是发布包文件夹，请直接复制成员的新发布包（含 SHA256SUMS）`
          : `data（${member.data}）要以 .json 结尾才能下载，例如 members/${member.id}.json`,
      );
      continue;
    }
    const source = new URL(
      routes.data.entriesJson.replace(/^\//, ''),
      member.url.endsWith('/') ? member.url : `${member.url}/`,
    ).href;
    let bytes: Buffer;
    try {
      bytes = await download(source, MEMBER_DATA_MAX_BYTES, get, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      fail(`下载 ${source} 失败（${(error as Error).message}）`);
      continue;
    }
    const records = recordsOf(bytes);
    if (typeof records === 'string') {
      fail(`${source} ${records}`);
      continue;
    }
    if (member.sha256 && sha256(bytes) !== member.sha256) {
      fail(`${source} 的校验值与 site.yaml 的 sha256 不符：成员可能已发布新数据，请核对后更新 sha256`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    removeParts(target);
    const part = `${target}${PART}${process.pid}`;
    const drop = () => rmSync(part, { force: true });
    signal?.addEventListener('abort', drop, { once: true });
    try {
      writeFileSync(part, bytes, { flush: true });
      if (signal?.aborted) throw new Error('中断');
      renameSync(part, target);
    } finally {
      drop();
      signal?.removeEventListener('abort', drop);
    }
    const line = `成员“${member.name}”：${records.length} 条记录，已存到 ${member.data}（sha256 ${sha256(bytes)}）`;
    result.stored.push(line);
    onStored?.(line);
  }
  return result;
}
