/** What a release reads from git: committed trees, and the release tags before it. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { x as extract } from 'tar';

/** The tree of `rev` below `path` of the repository at `repo`, extracted into `into` (emptied first). */
export function extractTree(repo: string, rev: string, path: string, into: string): void {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  const archive = `${into}.tar`;
  execFileSync('git', ['-C', repo, 'archive', '--format=tar', '-o', archive, rev, '--', path]);
  extract({ file: archive, cwd: into, sync: true });
  rmSync(archive);
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
