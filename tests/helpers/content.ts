/** Content files read the way the engine reads them (src/parse/), for tests that compare a site with its content. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listEntryFiles } from '../../src/parse/content-files.ts';
import { splitFrontmatter } from '../../src/parse/frontmatter.ts';
import { loadYamlData } from '../../src/parse/yaml.ts';

/** A YAML collection file of a content root (`regions.yaml`, …). */
export function readCollection<T>(root: string, file: string): T[] {
  return loadYamlData(readFileSync(join(root, file), 'utf8')) as T[];
}

/** Every entry file under a content root's `entries/`: its id (the file name) and its front matter. */
export function readEntries<T>(root: string): Array<T & { id: string }> {
  return listEntryFiles(join(root, 'entries')).files.map((file) => {
    const parts = splitFrontmatter(readFileSync(file, 'utf8'));
    if (!parts) throw new Error(`${file} has no front matter`);
    return { id: basename(file, '.mdx'), ...(loadYamlData(parts.frontmatter) as T) };
  });
}
