/**
 * What a release reads from git: committed trees, and the release tags before it.
 *
 * A release is the committed blobs, byte for byte. `git archive` and a
 * checkout are not: they apply the repository's attributes, so a committed
 * `.gitattributes` could expand `$Format:%B$` into the commit message
 * (export-subst), drop a file (export-ignore), rewrite line ends (eol, text),
 * expand `$Id$` (ident) or run a command (filter smudge). So trees are read
 * with `git ls-tree` and blobs with `git cat-file --batch`, which apply none.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { formatProblem, type Problem } from '../rules/problems.ts';

/** A commit's entries that cannot be released as they are; nothing was written. */
export class TreeRefusedError extends Error {
  override name = 'TreeRefusedError';
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  /** From the repository's top folder, `/`-separated, as git stores it. */
  path: string;
}

/** Replacement refs (`git replace`) would swap a committed object for another: a release reads the commit's own. */
const GIT = ['--no-replace-objects'];

/** The repository's top folder, which `--full-tree` paths start from. */
function topOf(repo: string): string {
  return execFileSync('git', ['-C', repo, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
}

/** Every entry of `rev` below `path` (relative to the repository's top), files, links and submodules alike. */
function listTree(repo: string, rev: string, path: string): { entries: TreeEntry[]; badNames: string[] } {
  const out = execFileSync('git', [...GIT, '-C', repo, 'ls-tree', '-r', '-z', '--full-tree', rev, '--', path], {
    maxBuffer: 1 << 30,
  });
  const entries: TreeEntry[] = [];
  const badNames: string[] = [];
  // Names are bytes to git; anything that is not UTF-8 has no one name on disk, so it is refused, never guessed.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  while (start < out.length) {
    const end = out.indexOf(0, start);
    const record = out.subarray(start, end < 0 ? out.length : end);
    start = end < 0 ? out.length : end + 1;
    const tab = record.indexOf(0x09);
    const [mode = '', type = '', oid = ''] = record.subarray(0, tab).toString('latin1').split(' ');
    const name = record.subarray(tab + 1);
    try {
      entries.push({ mode, type, oid, path: utf8.decode(name) });
    } catch {
      badNames.push(name.toString('utf8'));
    }
  }
  return { entries, badNames };
}

/** Whether a committed path could not be written below the target folder as it is named. */
function unsafePath(path: string, into: string): boolean {
  const parts = path.split('/');
  // Git itself never stores these (its own fsck and checkout refuse them): only a hand-made tree has them.
  if (path.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..' || p.toLowerCase() === '.git')) {
    return true;
  }
  const to = relative(into, resolve(into, path));
  return to.startsWith('..') || isAbsolute(to);
}

const MESSAGES = {
  symlink: (path: string, top: string) =>
    `这是一个符号链接（symlink），不是普通文件。链接可能指向仓库以外的文件，发布不会跟随它，所以发布已停止。` +
    `请删除链接，把它指向的文件复制到这个位置后提交（在 ${top} 中运行：git rm ${path}，复制文件，git add ${path}，git commit），再重新发布。`,
  submodule: (path: string, top: string) =>
    `这是一个子模块（submodule），它的文件在另一个仓库里，不在这次提交中，发布取不到，所以发布已停止。` +
    `请把需要的文件直接放进本仓库（在 ${top} 中运行：git rm --cached ${path}，删去 .gitmodules 里对应的一段，把文件复制进来，git add、git commit），再重新发布。`,
  unknown: (mode: string) =>
    `提交里的这一项既不是普通文件，也不是符号链接或子模块（类型 ${mode}），发布无法取出，所以发布已停止。请检查这个提交是怎样做出来的。`,
  unsafe: () =>
    `这个文件名不安全（含有“..”“.”“.git”、空的一段或以“/”开头），写出来可能落在发布文件夹以外，所以发布已停止。` +
    `git 自己不会生成这样的名字，这个提交可能是人为构造的：请检查它的来历，在仓库中删除或改名后重新提交。`,
  twice: () =>
    `这个名字在提交里出现了两次（或者既是文件又是文件夹），git 自己不会生成这样的提交，发布无法确定取哪一个，所以发布已停止。请检查这个提交的来历。`,
  encoding: () =>
    `这个文件名不是 UTF-8 编码，发布无法确定它在磁盘上的名字，所以发布已停止。请在仓库中把它改成普通的中文或英文名后重新提交（git mv，git commit）。`,
};

/**
 * The regular files to write, or every reason the tree cannot be released.
 * All entries are judged before anything is written, so a refusal names them all at once.
 */
function plan(repo: string, rev: string, path: string, into: string): TreeEntry[] {
  const { entries, badNames } = listTree(repo, rev, path);
  const top = topOf(repo);
  // Paths as the release builder finds them: from where the command runs when that is above them. Joined
  // as strings, not normalised, so a hand-made `..` is shown as it was committed.
  const from = relative(process.cwd(), top);
  const shown = (p: string) =>
    from === '' ? p : from.startsWith('..') || isAbsolute(from) ? `${top}/${p}` : `${from}/${p}`;
  const problems: Problem[] = [];
  const refuse = (p: string, message: string) =>
    problems.push({ file: shown(p), field: '', message, severity: 'error', code: 'release.git' });
  for (const name of badNames) refuse(name, MESSAGES.encoding());
  const files: TreeEntry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (unsafePath(e.path, into)) refuse(e.path, MESSAGES.unsafe());
    else if (e.mode === '120000') refuse(e.path, MESSAGES.symlink(e.path, top));
    else if (e.mode === '160000') refuse(e.path, MESSAGES.submodule(e.path, top));
    // Regular files; the executable bit is kept as git records it, though no step of the site needs it.
    else if ((e.mode === '100644' || e.mode === '100755') && e.type === 'blob') {
      if (seen.has(e.path)) refuse(e.path, MESSAGES.twice());
      seen.add(e.path);
      files.push(e);
    } else refuse(e.path, MESSAGES.unknown(e.mode));
  }
  // A file that is also a folder of another entry (`a` and `a/b`): only a hand-made tree has both.
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (seen.has(folder)) refuse(folder, MESSAGES.twice());
    }
  }
  if (problems.length) throw new TreeRefusedError(problems);
  return files;
}

/** Receives each blob's bytes in order: `start` once, `data` for each piece, `end` once. */
interface BlobSink {
  start(index: number, size: number): void;
  data(index: number, bytes: Buffer): void;
  end(index: number): void;
}

/**
 * Streams the blobs `oids` through one `git cat-file --batch` process, in order.
 * `--batch` without `--filters` or `--textconv` gives the stored bytes and consults no attribute.
 */
function readBlobs(repo: string, oids: readonly string[], sink: BlobSink): Promise<void> {
  if (!oids.length) return Promise.resolve();
  return new Promise((done, fail) => {
    const child = spawn('git', [...GIT, '-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let index = 0;
    let header: Buffer[] = [];
    let remaining = -1; // bytes of the current blob still to come; -1 between blobs
    let newline = false; // the LF git writes after each blob
    let failed: Error | undefined;
    let stderr = '';
    const stop = (e: Error) => {
      failed ??= e;
      child.kill();
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        let pos = 0;
        while (pos < chunk.length) {
          if (remaining > 0) {
            const n = Math.min(remaining, chunk.length - pos);
            sink.data(index, chunk.subarray(pos, pos + n));
            pos += n;
            remaining -= n;
          } else if (remaining === 0) {
            sink.end(index);
            remaining = -1;
            newline = true;
          } else if (newline) {
            if (chunk[pos] !== 0x0a) throw new Error(`git cat-file: no newline after ${oids[index] ?? ''}`);
            pos += 1;
            newline = false;
            index += 1;
          } else {
            const nl = chunk.indexOf(0x0a, pos);
            if (nl < 0) {
              header.push(chunk.subarray(pos));
              break;
            }
            header.push(chunk.subarray(pos, nl));
            const line = Buffer.concat(header).toString('latin1');
            header = [];
            pos = nl + 1;
            const [oid, type, size] = line.split(' ');
            if (oid !== oids[index] || type !== 'blob' || !/^\d+$/.test(size ?? '')) {
              throw new Error(`git cat-file: expected blob ${oids[index] ?? '(none)'}, got "${line}"`);
            }
            remaining = Number(size);
            sink.start(index, remaining);
          }
        }
        // An empty blob's end comes with no byte of its own.
        if (remaining === 0) {
          sink.end(index);
          remaining = -1;
          newline = true;
        }
      } catch (e) {
        stop(e instanceof Error ? e : new Error(String(e)));
      }
    });
    child.once('error', stop);
    child.once('close', (status) => {
      if (failed) fail(failed);
      else if (status !== 0 || index !== oids.length) {
        fail(
          new Error(`git cat-file --batch ended (status ${status}) after ${index} of ${oids.length} blobs: ${stderr}`),
        );
      } else done();
    });
    child.stdin.on('error', stop);
    child.stdin.end(oids.map((o) => `${o}\n`).join(''));
  });
}

/**
 * The tree of `rev` below `path` (relative to the repository's top) of the repository at `repo`, written
 * into `into` at the same paths: exactly the committed bytes of each regular file. Symlinks, submodules
 * and names git would not make are refused (TreeRefusedError) before anything is written. The files
 * are written into a folder beside `into` that replaces it only when complete, so a refused or
 * failed extraction leaves the earlier one whole.
 */
export async function extractTree(repo: string, rev: string, path: string, into: string): Promise<void> {
  into = resolve(into);
  const files = plan(repo, rev, path, into);
  const staging = `${into}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const made = new Set<string>();
  let fd = -1;
  try {
    await readBlobs(
      repo,
      files.map((f) => f.oid),
      {
        start(i) {
          const f = files[i];
          if (!f) throw new Error('git cat-file: more blobs than asked for');
          const file = join(staging, ...f.path.split('/'));
          const folder = dirname(file);
          if (!made.has(folder)) mkdirSync(folder, { recursive: true });
          made.add(folder);
          // 'wx': a file is created once, never written through something already there.
          fd = openSync(file, 'wx', f.mode === '100755' ? 0o755 : 0o644);
        },
        data(_, bytes) {
          for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
        },
        end() {
          closeSync(fd);
          fd = -1;
        },
      },
    );
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  rmSync(into, { recursive: true, force: true });
  renameSync(staging, into);
}

/**
 * The committed bytes of the regular files of `rev` below `path` (relative to the repository's top) that
 * `wanted` accepts, by path; read in memory, nothing written. Other entries (links, submodules) are not
 * files of that commit's content and are passed over: this reads an earlier release for its changelog,
 * which the release that made it already judged.
 */
export async function readTreeFiles(
  repo: string,
  rev: string,
  path: string,
  wanted: (path: string) => boolean,
): Promise<Map<string, Buffer>> {
  const files = listTree(repo, rev, path).entries.filter(
    (e) => (e.mode === '100644' || e.mode === '100755') && e.type === 'blob' && wanted(e.path),
  );
  const pieces: Buffer[][] = files.map(() => []);
  await readBlobs(
    repo,
    files.map((f) => f.oid),
    {
      start: () => undefined,
      data: (i, bytes) => pieces[i]?.push(Buffer.from(bytes)),
      end: () => undefined,
    },
  );
  return new Map(files.map((f, i) => [f.path, Buffer.concat(pieces[i] ?? [])]));
}

/** The newest `release/<id>` tag of a release dated before `date`, with that date; undefined for the first release. */
export function previousReleaseTag(
  tags: readonly string[],
  releases: ReadonlyMap<string, { date: string }>,
  date: string,
): { tag: string; date: string } | undefined {
  return tags
    .flatMap((tag) => {
      const r = releases.get(tag.slice('release/'.length));
      return r && r.date < date ? [{ tag, date: r.date }] : [];
    })
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
}
