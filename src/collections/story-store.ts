/**
 * The rendered stories, kept beside the data store instead of inside it.
 * Astro bundles the whole data store into one module of the build; with every
 * story's HTML in it that module was 37 MB at 10,000 entries, and bundling it
 * was the build's memory peak (2.2 GB, docs/performance.md). The store now
 * holds each story's digest; its HTML is a file of the cache folder named by
 * that digest, written at content sync and read when the entry page renders.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file of a story's HTML; a digest is Astro's hex content hash, never a path. */
function storyFile(cache: string, digest: string): string {
  if (!/^[0-9a-z]+$/i.test(digest)) throw new Error(`story digest is not a hash: ${digest}`);
  return join(cache, 'stories', `${digest}.html`);
}

/** Whether the story of `digest` is kept. */
export function hasStory(cache: string, digest: string): boolean {
  return existsSync(storyFile(cache, digest));
}

/** Keeps a story's HTML under its digest (atomically: a half-written file is never read). */
export function keepStory(cache: string, digest: string, html: string): void {
  const file = storyFile(cache, digest);
  if (existsSync(file)) return;
  mkdirSync(join(cache, 'stories'), { recursive: true });
  writeFileSync(`${file}.tmp`, html);
  renameSync(`${file}.tmp`, file);
}

/** A kept story's HTML. */
export function readStory(cache: string, digest: string): string {
  return readFileSync(storyFile(cache, digest), 'utf8');
}

/** Removes kept stories of digests no entry has any more (edited or removed entries). */
export function pruneStories(cache: string, digests: ReadonlySet<string | number>): void {
  const dir = join(cache, 'stories');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir))
    if (!digests.has(name.replace(/\.html$/, ''))) rmSync(join(dir, name), { force: true });
}
