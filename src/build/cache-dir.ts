/**
 * Each content root gets its own cache, so building another city's content (or a
 * test fixture) never reads the data store, processed photos or search indexes of
 * another root. Shared by astro.config.mjs and the build entry point (scripts/build.ts).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { contentRoot } from '../model/content-root.ts';

/** The cache folder, relative to the project (as Astro's `cacheDir` setting takes it). */
export function cacheDir(root = contentRoot()): string {
  if (root === resolve('content')) return './node_modules/.astro';
  return `./node_modules/.astro-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`;
}
