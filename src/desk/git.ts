/**
 * Git for the desk: the repository that holds the content root (the root may be a repository of
 * its own, or a folder of one), the editor's name and e-mail in that repository's local config
 * (asked once by the desk, so commits name who made them without a terminal), and a commit of
 * exactly the paths one save wrote: whatever else is changed or staged in the work tree stays out.
 * No hook runs and nothing is signed: the desk commits data, and a hook is code.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';

/** Settings every git command of the desk runs with: no hooks, no signing prompts, no pager, no terminal prompts. */
const SAFE = ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgSign=false', '-c', 'core.pager=cat'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function git(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...SAFE, ...args],
      {
        cwd,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...env },
        maxBuffer: 16 * 2 ** 20,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The top folder of the repository holding `root`, or undefined when it is in none. */
export async function repositoryOf(root: string): Promise<string | undefined> {
  const r = await git(root, ['rev-parse', '--show-toplevel']);
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}

/** The current branch of a repository (for Decap's configuration), or undefined when detached or none. */
export async function currentBranch(repo: string): Promise<string | undefined> {
  const r = await git(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}

/** The editor as the repository's local config names them. */
export interface Identity {
  name: string;
  email: string;
}

/** The editor's name and e-mail from the repository's local config (never the global one: the desk asks each repository once). */
export async function readIdentity(repo: string): Promise<Identity | undefined> {
  const name = (await git(repo, ['config', '--local', '--get', 'user.name'])).stdout.trim();
  const email = (await git(repo, ['config', '--local', '--get', 'user.email'])).stdout.trim();
  return name && email ? { name, email } : undefined;
}

/** Why a name or e-mail cannot be kept, or undefined. */
export function identityProblem(name: unknown, email: unknown): string | undefined {
  if (typeof name !== 'string' || !name.trim() || name.length > 50 || /[\n\r<>\0]/.test(name))
    return '请填写您的姓名（最多 50 个字）';
  if (typeof email !== 'string' || !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email) || email.length > 100)
    return '请填写您的单位邮箱，例如 liming@example.cn';
  return undefined;
}

/** Keeps the editor's name and e-mail in the repository's local config. */
export async function writeIdentity(repo: string, who: Identity): Promise<void> {
  for (const [key, value] of [
    ['user.name', who.name.trim()],
    ['user.email', who.email.trim()],
  ] as const) {
    const r = await git(repo, ['config', '--local', key, value]);
    if (r.code !== 0) throw new Error(`git config ${key}: ${r.stderr.trim()}`);
  }
}

/**
 * Commits exactly `paths` (absolute, inside `repo`; written or removed by one save) with
 * `message`, as `who`; returns the new commit's hash. A removed path is committed only when git
 * tracked it. Other changes in the work tree, staged or not, are left as they were.
 */
export async function commitPaths(
  repo: string,
  paths: readonly string[],
  message: string,
  who: Identity,
): Promise<string> {
  const rel = paths.map((p) => relative(repo, p));
  const tracked = new Set(
    (await git(repo, ['ls-files', '-z', '--', ...rel])).stdout.split('\0').filter((p) => p !== ''),
  );
  const wanted = rel.filter((p, i) => existsSync(paths[i] ?? '') || tracked.has(p));
  if (!wanted.length) throw new Error('nothing to commit');
  const add = await git(repo, ['add', '-A', '--', ...wanted]);
  if (add.code !== 0) throw new Error(`git add: ${add.stderr.trim()}`);
  const env = {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
  };
  const commit = await git(repo, ['commit', '--quiet', '--only', '--no-verify', '-m', message, '--', ...wanted], env);
  if (commit.code !== 0) {
    // What `git add` staged goes back, as the desk puts the files back (actions.ts).
    await git(repo, ['reset', '--quiet', '--', ...wanted]);
    throw new Error(`git commit: ${(commit.stderr || commit.stdout).trim()}`);
  }
  return (await git(repo, ['rev-parse', 'HEAD'])).stdout.trim();
}
