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
