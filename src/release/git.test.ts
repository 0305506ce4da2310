import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractTree, previousReleaseTag, readTreeFiles, TreeRefusedError } from './git.ts';

describe('previousReleaseTag', () => {
  const releases = new Map([
    ['2026-q1', { date: '2026-03-20' }],
    ['2026-q2', { date: '2026-06-20' }],
    ['2026-q3', { date: '2026-09-20' }],
  ]);

  it('is the newest tagged release dated before this one, whatever the tags’ order', () => {
    const tags = ['release/2026-q1', 'release/2026-q3', 'release/2026-q2', 'release/unknown'];
    expect(previousReleaseTag(tags, releases, '2026-09-20')).toEqual({ tag: 'release/2026-q2', date: '2026-06-20' });
  });

  it('is undefined for the first release', () => {
    expect(previousReleaseTag(['release/2026-q2'], releases, '2026-03-20')).toBeUndefined();
  });
});

/** A fresh repository with a local identity (the machine's global config is not assumed). */
function tempRepo() {
  const repo = mkdtempSync(join(tmpdir(), 'honour-git-'));
  const git = (args: string[], input?: string | Buffer) =>
    execFileSync('git', ['-C', repo, ...args], { input, encoding: 'buffer' });
  const gitText = (...args: string[]) => git(args).toString('utf8').trim();
  gitText('init', '-q');
  gitText('config', 'user.name', '编辑');
  gitText('config', 'user.email', 'editor@example.org');
  const write = (path: string, bytes: string | Buffer) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), bytes);
  };
  return { repo, git, gitText, write };
}

/** A folder to extract into, beside which nothing else lives (a write outside it would show). */
const target = () => join(mkdtempSync(join(tmpdir(), 'honour-into-')), 'tree');

/** Every file below `dir`, relative, sorted. */
const filesBelow = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();

describe('extractTree: a release is the committed blobs, byte for byte', () => {
  const { repo, git, gitText, write } = tempRepo();
  const marker = join(repo, '..', `${repo.split('/').pop() ?? ''}-smudge-ran`);
  const message = '第三批 --> [领取补贴](https://subsidy.example.cn/apply?id=) <!--';
  // A binary file with LF and NUL bytes: `* text eol=crlf` would rewrite it too.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x0a, 0x61, 0x0a]);
  let into = '';

  beforeAll(async () => {
    write(
      'content/.gitattributes',
      [
        '* text eol=crlf',
        '*.mdx export-subst',
        'withdrawn-notes.txt export-ignore',
        '*.ident ident',
        '*.filtered filter=x',
        '',
      ].join('\n'),
    );
    write('content/entries/story.mdx', '---\nname: 张三\n---\n\n张三的故事。\n<!-- $Format:%B$ -->\n$Format:%H$\n');
    write('content/withdrawn-notes.txt', '已撤销条目的记录，也是发布的一部分。\n');
    write('content/lines/id.ident', '版本 $Id$\n');
    write('content/lines/data.filtered', 'aaa\n');
    write('content/entries/zhang-san.png', png);
    write('content/entries/带 空格 的名字.mdx', '---\nname: 李四\n---\n');
    write('outside.txt', 'not below content/\n');
    // A smudge filter that leaves a trace and changes the bytes: only a checkout or git archive runs it.
    gitText('config', 'filter.x.smudge', `touch '${marker}' && sed s/a/b/`);
    gitText('add', '-A');
    gitText('commit', '-qm', message);
    into = target();
    await extractTree(repo, 'HEAD', 'content', into);
  });

  const committed = (path: string) => git(['cat-file', 'blob', `HEAD:${path}`]);

  it.each([
    ['export-subst ($Format:%B$ and $Format:%H$)', 'content/entries/story.mdx'],
    ['export-ignore', 'content/withdrawn-notes.txt'],
    ['text eol=crlf on a binary file', 'content/entries/zhang-san.png'],
    ['ident ($Id$)', 'content/lines/id.ident'],
    ['a smudge filter', 'content/lines/data.filtered'],
    ['.gitattributes itself', 'content/.gitattributes'],
  ])('writes the committed bytes whatever the attribute: %s', (_, path) => {
    expect(existsSync(join(into, path)), path).toBe(true);
    expect(readFileSync(join(into, path)).equals(committed(path))).toBe(true);
  });

  it('never expands the commit message into a story', () => {
    const story = readFileSync(join(into, 'content/entries/story.mdx'), 'utf8');
    expect(story).toContain('<!-- $Format:%B$ -->\n$Format:%H$\n');
    expect(story).not.toContain('subsidy.example.cn');
  });

  it('never runs a filter command', () => {
    expect(existsSync(marker)).toBe(false);
  });

  it('writes every committed file below the path and nothing else', () => {
    const listed = git(['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', 'content'])
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .sort();
    expect(filesBelow(into)).toEqual(listed);
    expect(filesBelow(into)).toContain('content/entries/带 空格 的名字.mdx');
    expect(existsSync(join(into, 'outside.txt'))).toBe(false);
  });

  it('reads an earlier commit’s entries as their committed bytes, in memory (the changelog’s reading)', async () => {
    const files = await readTreeFiles(repo, 'HEAD', 'content/entries', (f) => f.endsWith('.mdx'));
    expect([...files.keys()].sort()).toEqual(['content/entries/story.mdx', 'content/entries/带 空格 的名字.mdx']);
    for (const [path, bytes] of files) expect(bytes.equals(committed(path))).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('replaces an earlier extraction: a file deleted since is gone', async () => {
    gitText('rm', '-q', 'content/withdrawn-notes.txt');
    gitText('commit', '-qm', '删除记录');
    await extractTree(repo, 'HEAD', 'content', into);
    expect(existsSync(join(into, 'content/withdrawn-notes.txt'))).toBe(false);
    expect(existsSync(join(into, 'content/entries/story.mdx'))).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('extractTree refuses what is not a plain committed file, writing nothing', () => {
  /** A repository with one entry, an earlier complete extraction, and the commit to refuse. */
  async function refused(prepare: (r: ReturnType<typeof tempRepo>) => string | undefined) {
    const r = tempRepo();
    r.write('content/entries/a.mdx', '---\nname: 甲\n---\n');
    r.gitText('add', '-A');
    r.gitText('commit', '-qm', '第一批');
    const into = target();
    await extractTree(r.repo, 'HEAD', 'content', into);
    const rev = prepare(r) ?? 'HEAD';
    const error = await Promise.resolve()
      .then(() => extractTree(r.repo, rev, 'content', into))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    // The earlier extraction is kept whole, and nothing is left beside it or above it.
    expect(filesBelow(into)).toEqual(['content/entries/a.mdx']);
    expect(readdirSync(dirname(into))).toEqual(['tree']);
    expect(error).toBeInstanceOf(TreeRefusedError);
    return { error: error instanceof Error ? error.message : String(error), into };
  }

  it('refuses a symlink, naming it and the way out', async () => {
    const { error } = await refused((r) => {
      symlinkSync('/etc/passwd', join(r.repo, 'content/entries/b.mdx'));
      r.gitText('add', '-A');
      r.gitText('commit', '-qm', '链接');
      return undefined;
    });
    expect(error).toContain('content/entries/b.mdx');
    expect(error).toContain('符号链接');
    expect(error).toContain('git rm');
  });

  it('refuses a submodule, naming it and the way out', async () => {
    const { error } = await refused((r) => {
      const sha = r.gitText('rev-parse', 'HEAD');
      r.gitText('update-index', '--add', '--cacheinfo', `160000,${sha},content/vendor`);
      r.gitText('commit', '-qm', '子模块');
      return undefined;
    });
    expect(error).toContain('content/vendor');
    expect(error).toContain('子模块');
    expect(error).toContain('git rm --cached');
  });

  // Git never makes these names, but a tree object can be written by hand (git hash-object --literally).
  it.each(['..', '.', '.git', '.GIT'])('refuses a crafted tree entry named %j', async (name) => {
    const { error } = await refused((r) => {
      const obj = (type: string, body: Buffer) =>
        r.git(['hash-object', '-t', type, '--literally', '-w', '--stdin'], body).toString().trim();
      const tree = (entries: Array<[string, string, string]>) =>
        obj(
          'tree',
          Buffer.concat(entries.flatMap(([mode, n, oid]) => [Buffer.from(`${mode} ${n}\0`), Buffer.from(oid, 'hex')])),
        );
      const blob = obj('blob', Buffer.from('evil\n'));
      const inner = tree([['100644', 'evil.mdx', blob]]);
      const content = tree([[`40000`, name, inner]]);
      return r.gitText('commit-tree', tree([['40000', 'content', content]]), '-m', '构造的提交');
    });
    expect(error).toContain(`content/${name}/evil.mdx`);
    expect(error).toContain('不安全');
  });
});
