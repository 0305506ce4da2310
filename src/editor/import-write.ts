/**
 * Writing an import: all rows or none, one import at a time.
 *
 * 1. Every file is written to a temporary name beside its final one. The
 *    writer yields to the event loop as it goes, so Ctrl-C (SIGINT) or
 *    SIGTERM is seen: the temporaries are removed and nothing was written.
 * 2. A journal listing every (temporary, final) pair is written to the
 *    content root: from here the import is committed.
 * 3. The temporaries are renamed into place, then the journal is removed.
 *
 * A SIGKILL at step 1 leaves temporaries; at step 3, a journal. The next
 * `content:import --write` finishes or cleans up what it finds, and
 * `content:check` reports it until then, so a half-done import never
 * passes for a whole one.
 */
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { setImmediate as yieldToSignals } from 'node:timers/promises';
import { lockHolder, tryLock, type LockHolder, type StaleReason } from '../build/lock.ts';
import { slugPattern } from '../model/schema.ts';
import type { Problem } from '../rules/problems.ts';

/** Suffix of an import's temporary files. */
export const TEMP_SUFFIX = '.import-tmp';
/** The journal of an import being committed, in the content root. */
export const JOURNAL = '.import-journal.json';
/** The lock of an import being written, in the content root. */
export const LOCK = '.import.lock';
/** The journal's format: an object, so the old array of absolute paths is told apart and refused. */
const JOURNAL_FORMAT = 'honour-import-journal/2';
/** Largest journal read: 30,000 entries with photos take about 6 MB. */
const JOURNAL_MAX_BYTES = 32 * 1024 * 1024;

export interface PlannedWrite {
  /** Final path of the file. */
  path: string;
  /** Its text, or the file to copy (a photo). */
  text?: string;
  copyFrom?: string;
}

const tempOf = (path: string) => join(dirname(path), `.${basename(path)}${TEMP_SUFFIX}`);
const shower = (cwd: string) => (path: string) => relative(cwd, path) || path;

/** What the user reads about a stale lock: whose it was and why it no longer counts. */
function staleText(pid: number | undefined, why: StaleReason): string {
  const who = pid === undefined ? '' : `进程 ${pid} `;
  if (why === 'dead') return `${who}已经结束`;
  if (why === 'not-ours') return `${who}不是正在运行的导入`;
  return '锁里的进程号无法读取';
}

/** Why another import's lock stops this one, and the way out. */
function heldText(lock: string, holder: Exclude<LockHolder, { state: 'free' | 'stale' }>): string {
  const way = `如果确定没有别的导入在运行（例如电脑重启过），请删除文件夹 ${lock} 后再运行`;
  if (holder.state === 'other-host') {
    return `另一台电脑（${holder.host}，进程 ${holder.pid}）上的导入正在写入这个内容目录：请等它结束后再运行，两次导入同时写会丢失荣誉。${way}`;
  }
  const who = holder.state === 'running' ? `进程 ${holder.pid}` : '刚启动';
  return `另一个导入正在写入（${who}）：请等它结束后再运行，两次导入同时写会丢失荣誉。${way}`;
}

/**
 * Takes the import lock of a content root (src/build/lock.ts). A lock left by
 * an import that no longer runs is taken over, with a note saying so; a lock
 * held by a running import gives a message saying to wait, and the way out.
 */
export function acquireImportLock(
  root: string,
  cwd = process.cwd(),
): { ok: true; release: () => void; note?: string } | { ok: false; message: string } {
  const dir = join(root, LOCK);
  const lock = tryLock(dir);
  if (!lock.ok) return { ok: false, message: heldText(shower(cwd)(dir), lock.holder) };
  if (!lock.tookOver) return { ok: true, release: lock.release };
  const { pid, why } = lock.tookOver;
  return {
    ok: true,
    release: lock.release,
    note: `上次导入留下的锁 ${shower(cwd)(dir)} 已失效（${staleText(pid, why)}），已自动清除`,
  };
}

/** What content:check says about an import lock in the root: nothing, or a warning with what to do. */
export function importLockProblem(root: string, cwd = process.cwd()): Problem | undefined {
  const dir = join(root, LOCK);
  const holder = lockHolder(dir);
  if (holder.state === 'free' || (holder.state === 'running' && holder.pid === process.pid)) return undefined;
  const file = shower(cwd)(dir);
  const message =
    holder.state === 'stale'
      ? `上次导入留下的锁已失效（${staleText(holder.pid, holder.why)}）：下次导入会自动清除它，也可以直接删除这个文件夹`
      : `${heldText(file, holder)}；在它结束前，检查结果可能不是最终内容`;
  return { file, field: '', message, severity: 'warning', code: 'import.lock' };
}

/**
 * Temporary files of imports below the entries folder, and the journal's
 * own. The walk never follows a link: a linked folder could lead anywhere on
 * the disk, and these files are deleted.
 */
function tempFiles(root: string): string[] {
  const journalTemp = join(root, `${JOURNAL}${TEMP_SUFFIX}`);
  const found = existsSync(journalTemp) && lstatSync(journalTemp).isFile() ? [journalTemp] : [];
  const pending = [join(root, 'entries')];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let names: string[];
    try {
      if (!lstatSync(dir).isDirectory()) continue;
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) pending.push(path);
      else if (stat.isFile() && name.endsWith(TEMP_SUFFIX)) found.push(path);
    }
  }
  return found;
}

/** What a killed import left: its journal and temporary files (paths relative to `cwd`). */
export function importLeftovers(root: string, cwd = process.cwd()): string[] {
  const path = join(root, JOURNAL);
  let journal: string[] = [];
  try {
    // lstat: a journal that is a link, even a broken one, is reported too (the import refuses it).
    lstatSync(path);
    journal = [path];
  } catch {
    // no journal
  }
  return [...journal, ...tempFiles(root)].map((p) => relative(cwd, p));
}

/**
 * The files an import writes, relative to the root: a new entry as
 * entries/<region>/<slug>.mdx with its photo beside it, and an update in place
 * of an existing entry, which a content root may keep directly in entries/ or
 * in folders of its own (entries/2026/yaodu/…): at most four folders deep.
 */
const FINAL_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(?:mdx|jpe?g|png|webp)$/;
const MAX_FOLDERS = 4;

/** Why a (temporary, final) pair of a journal is not one an import writes; undefined when it is. */
function pairProblem(tmp: unknown, final: unknown): string | undefined {
  if (typeof tmp !== 'string' || typeof final !== 'string') return '不是一对文件路径';
  const parts = final.split('/');
  const [top, ...rest] = parts;
  const file = rest.pop() ?? '';
  // Only entries/<folders>/<slug>.<ext>, every folder a lower-case slug: no absolute path, no `..`, no backslash.
  if (
    top !== 'entries' ||
    rest.length > MAX_FOLDERS ||
    !rest.every((folder) => slugPattern.test(folder)) ||
    !FINAL_FILE.test(file)
  ) {
    return `“${final.slice(0, 160)}”不是导入会写的文件（只能是 entries 里的条目 .mdx 或它的照片）`;
  }
  if (tmp !== [top, ...rest, `.${file}${TEMP_SUFFIX}`].join('/')) {
    return `临时文件“${tmp.slice(0, 160)}”与“${final}”对不上（导入只会把 .${file}${TEMP_SUFFIX} 改名为 ${file}）`;
  }
  return undefined;
}

/** Why renaming a valid pair would leave the root or replace something that is not a file; undefined when it is safe. */
function placeProblem(root: string, realRoot: string, tmp: string, final: string): string | undefined {
  const kind = (path: string) => {
    try {
      const s = lstatSync(path);
      return s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
    } catch {
      return 'missing';
    }
  };
  const entries = join(root, 'entries');
  const folder = dirname(join(root, final));
  for (const dir of [entries, folder]) {
    const k = kind(dir);
    if (k === 'missing' && dir === folder) return undefined; // nothing left to rename there
    if (k !== 'dir') return `文件夹 ${relative(root, dir)} 是一个链接（快捷方式）或不是文件夹，导入不会写到那里`;
  }
  if (realpathSync(folder) !== join(realRoot, dirname(final))) {
    return `文件夹 ${dirname(final)} 经过链接（快捷方式）通到内容目录以外`;
  }
  for (const path of [tmp, final]) {
    const k = kind(join(root, path));
    if (k !== 'missing' && k !== 'file') return `${path} 是一个链接（快捷方式）或不是普通文件`;
  }
  return undefined;
}

/** How to get out of a journal that is refused. */
const JOURNAL_WAY_OUT = (file: string) =>
  `没有改动任何文件。请核对其中列出的文件；确认无误后，删除 ${file} 和 entries 里以 ${TEMP_SUFFIX} 结尾的文件，再重新运行导入（会把表格重新导入一遍）`;

/** The journal's (temporary, final) pairs as absolute paths, every pair checked first; or why it is refused. */
export function readJournal(
  root: string,
  cwd = process.cwd(),
): { ok: true; pairs: Array<[string, string]> } | { ok: false; message: string } | undefined {
  const path = join(root, JOURNAL);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return undefined;
  }
  const file = shower(cwd)(path);
  const refuse = (why: string) => ({
    ok: false as const,
    message: `导入日志 ${file} ${why}。${JOURNAL_WAY_OUT(file)}`,
  });
  if (!stat.isFile()) return refuse('是一个链接（快捷方式）或不是普通文件，导入不会写出这样的日志');
  if (stat.size > JOURNAL_MAX_BYTES) return refuse('太大，不是导入写出的日志');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return refuse('已损坏，无法读取（可能在写入时被打断，或被手工改过）');
  }
  if (Array.isArray(data)) return refuse('是旧版程序写的格式（用完整路径），为安全起见不再按它改名文件');
  const { format, files } = (data ?? {}) as { format?: unknown; files?: unknown };
  if (format !== JOURNAL_FORMAT || !Array.isArray(files)) return refuse('不是本程序写出的导入日志');
  const realRoot = realpathSync(root);
  const pairs: Array<[string, string]> = [];
  const finals = new Set<string>();
  for (const [i, pair] of (files as unknown[]).entries()) {
    const [tmp, final] = Array.isArray(pair) && pair.length === 2 ? (pair as unknown[]) : [];
    const why =
      pairProblem(tmp, final) ??
      (finals.has(final as string) ? `“${String(final)}”写了两次` : undefined) ??
      placeProblem(root, realRoot, tmp as string, final as string);
    if (why) return refuse(`第 ${i + 1} 项有问题：${why}`);
    finals.add(final as string);
    pairs.push([join(root, tmp as string), join(root, final as string)]);
  }
  return { ok: true, pairs };
}

/** The journal of these (temporary, final) pairs: paths relative to the root, each checked as it will be read. */
export function journalText(root: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  const files = pairs.map(([tmp, final]) => {
    const rel = (p: string) => relative(root, p).split(sep).join('/');
    const why = pairProblem(rel(tmp), rel(final));
    // The plan only ever writes entries/<region>/<slug>; anything else is a bug, stopped before any rename.
    if (why) throw new Error(`import journal: ${rel(final)} is not a file an import writes`);
    return [rel(tmp), rel(final)];
  });
  return JSON.stringify({ format: JOURNAL_FORMAT, files });
}

/**
 * Finishes an import killed while committing (its journal says what), and
 * removes the temporaries of one killed before it committed. The journal is
 * data from the content root, which anyone may have written: it is followed
 * only when every pair in it is one an import writes, inside the root;
 * otherwise nothing is touched and the message says what to do. Returns what
 * it did, for the editor.
 */
export function recoverImport(
  root: string,
  cwd = process.cwd(),
): { ok: true; notes: string[] } | { ok: false; message: string } {
  const notes: string[] = [];
  const journal = readJournal(root, cwd);
  if (journal && !journal.ok) return journal;
  if (journal) {
    let done = 0;
    for (const [tmp, final] of journal.pairs) {
      if (existsSync(tmp)) {
        renameSync(tmp, final);
        done += 1;
      }
    }
    rmSync(join(root, JOURNAL));
    notes.push(`上次导入在写入途中被强制结束：已补完剩下的 ${done} 个文件（共 ${journal.pairs.length} 个）`);
  }
  const stray = tempFiles(root);
  for (const f of stray) rmSync(f);
  if (stray.length) notes.push(`上次导入在写入前被强制结束：已删除它留下的 ${stray.length} 个临时文件，没有文件被改动`);
  return { ok: true, notes };
}

/**
 * Writes every planned file or none. `interrupted` is polled while the
 * temporaries are written; once the journal is in place the import is
 * committed and finishes whatever happens.
 */
export async function writeAll(
  root: string,
  writes: readonly PlannedWrite[],
  interrupted: () => boolean,
): Promise<'written' | 'interrupted'> {
  const pairs: Array<[string, string]> = [];
  const undo = () => {
    for (const [tmp] of pairs) rmSync(tmp, { force: true });
  };
  try {
    for (const [i, w] of writes.entries()) {
      if (i % 20 === 0) await yieldToSignals();
      if (interrupted()) {
        undo();
        return 'interrupted';
      }
      mkdirSync(dirname(w.path), { recursive: true });
      const tmp = tempOf(w.path);
      pairs.push([tmp, w.path]);
      if (w.copyFrom) copyFileSync(w.copyFrom, tmp);
      else writeFileSync(tmp, w.text ?? '');
    }
    await yieldToSignals();
    if (interrupted()) {
      undo();
      return 'interrupted';
    }
  } catch (e) {
    undo();
    throw e;
  }
  const journal = join(root, JOURNAL);
  let text: string;
  try {
    text = journalText(root, pairs);
  } catch (e) {
    undo();
    throw e;
  }
  writeFileSync(`${journal}${TEMP_SUFFIX}`, text);
  renameSync(`${journal}${TEMP_SUFFIX}`, journal);
  for (const [tmp, final] of pairs) renameSync(tmp, final);
  rmSync(journal);
  return 'written';
}
