/**
 * The site settings of a content root, read outside Astro (the portal's
 * build step and `npm run portal:fetch`); undefined when site.yaml cannot be
 * read or is not valid, which the content check reports in its own words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_FILES } from '../model/content-root.ts';
import type { SiteData } from '../model/schema.ts';
import { loadYamlData } from '../parse/yaml.ts';
import { siteOf } from '../publish/gate-site.ts';

export function readSite(root: string): SiteData | undefined {
  try {
    return siteOf(loadYamlData(readFileSync(join(root, CONTENT_FILES.site), 'utf8')));
  } catch {
    return undefined;
  }
}
