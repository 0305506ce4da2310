/**
 * A content root for desk tests: a copy of the sample content in a git repository of its own
 * (the root is the repository) or as the `content/` folder of one, with one commit, and what a
 * test needs to see that nothing was written: a snapshot of every file, and the commit log.
 * Outside the project, so no git command of a test can ever reach the project's own repository.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

export interface DeskRoot {
  /** The repository's top folder. */
  repo: string;
  /** The content root (the repository itself, or its `content/`). */
  root: string;
  git(...args: string[]): string;
  /** Every file below the repository (`.git` aside) with the digest of its bytes. */
  snapshot(): Map<string, string>;
  /** Number of commits. */
  commits(): number;
  cleanup(): void;
}

/** A copy of the sample content in a fresh repository; `inside`: as its `content/` folder; `identity`: the editor is known. */
export function deskRoot(o: { inside?: boolean; identity?: boolean } = {}): DeskRoot {
  const repo = realpathSync(mkdtempSync(join(tmpdir(), 'honour-desk-repo-')));
  const root = o.inside ? join(repo, 'content') : repo;
  cpSync(resolve('content'), root, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=示例', '-c', 'user.email=sample@example.cn', 'commit', '-qm', 'sample');
  if (o.identity !== false) {
    git('config', '--local', 'user.name', '李明');
    git('config', '--local', 'user.email', 'liming@example.cn');
  }
  const snapshot = () => {
    const out = new Map<string, string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === '.git' && dir === repo) continue;
        const stat = lstatSync(path);
        if (stat.isDirectory()) walk(path);
        else
          out.set(
            relative(repo, path),
            stat.isFile() ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'link',
          );
      }
    };
    walk(repo);
    return out;
  };
  return {
    repo,
    root,
    git,
    snapshot,
    commits: () => Number(git('rev-list', '--count', 'HEAD').trim()),
    cleanup: () => rmSync(repo, { recursive: true, force: true }),
  };
}

/**
 * The text Decap sends for an entry file after the form changed `change` of its values: Decap
 * reads the front matter with the `yaml` library and writes it again from the values (its own
 * layout, quoting and order), then the story (`body`, or the file's own).
 */
export function decapRaw(text: string, change: (data: Record<string, unknown>) => void, body?: string): string {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no front matter');
  const data = parse(m[1] ?? '') as Record<string, unknown>;
  change(data);
  return `---\n${stringify(data)}---\n${body ?? (m[2] ?? '').trimStart()}`;
}
