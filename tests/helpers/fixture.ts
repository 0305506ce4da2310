/** Copies of test content roots that a test may break on purpose. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const MINI = resolve('tests/fixtures/mini');

/** A fresh copy of the mini content root in a temporary folder. */
export function copyMini(): string {
  const dir = mkdtempSync(join(tmpdir(), 'honour-mini-'));
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

/** Rewrites a file in a content root copy: `edit` gets the old text and returns the new. */
export function editFile(root: string, path: string, edit: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

/**
 * A quarter later in a mini root: release 2026-q2 (测试市好人) in releases.yaml, and one new
 * person of it, `entries/<slug>.mdx`, of `region` and `category`, with `summary`.
 */
export function addSecondQuarter(
  root: string,
  person: { slug: string; name: string; region: string; category: string; summary: string },
): void {
  editFile(
    root,
    'releases.yaml',
    (s) =>
      `${s}- id: 2026-q2\n  title: 2026年第二季度测试市好人\n  date: 2026-06-20\n  honour: shi\n  intro: 第二批。\n`,
  );
  writeFileSync(
    join(root, `entries/${person.slug}.mdx`),
    `---\nname: ${person.name}\nkind: person\nregion: ${person.region}\ncategory: ${person.category}\nhonours:\n  - title: shi\n    year: 2026\n    release: 2026-q2\nsummary: ${person.summary}\n---\n\n${person.name}的故事。\n`,
  );
}
