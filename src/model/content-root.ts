/**
 * Where the content lives. One engine serves any city's content repository:
 * `HONOUR_CONTENT_DIR=/path/to/content npm run build`.
 */
import { resolve } from 'node:path';

/** Absolute path of the content root (default `./content` of the working directory). */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.HONOUR_CONTENT_DIR || 'content');
}

/** File names inside a content root. */
export const CONTENT_FILES = {
  site: 'site.yaml',
  regions: 'regions.yaml',
  titles: 'titles.yaml',
  categories: 'categories.yaml',
  releases: 'releases.yaml',
  entries: 'entries',
} as const;

/** The id of an entry file: its base name without `.mdx`, wherever it sits below `entries/`. */
export function entryIdFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.mdx$/i, '');
}
