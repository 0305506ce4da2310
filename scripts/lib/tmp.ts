/**
 * Temporary build folders inside the project. Astro keeps a build's
 * prerender chunks beside its outDir only when outDir is inside the working
 * directory; otherwise every build shares ./.astro/.prerender/, and two
 * builds at once break each other. So every test and benchmark build goes here.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_TMP = resolve('node_modules/.honour-tmp');

export function projectTmp(prefix: string): string {
  mkdirSync(PROJECT_TMP, { recursive: true });
  return mkdtempSync(join(PROJECT_TMP, prefix));
}
