/**
 * The site settings of a content root, read outside Astro (the portal's
 * build step and `npm run portal:fetch`); undefined when site.yaml cannot be
 * read or is not valid, which the content check reports in its own words.
 * (Not through the output gate's reader: the pages import this module, and
 * the gate's modules read their own files at load.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_FILES } from '../model/content-root.ts';
import { siteSchema, type SiteData } from '../model/schema.ts';
import { loadYamlData } from '../parse/yaml.ts';

export function readSite(root: string): SiteData | undefined {
  try {
    const records = loadYamlData(readFileSync(join(root, CONTENT_FILES.site), 'utf8'));
    const record = Array.isArray(records)
      ? (records as unknown[]).find((r) => typeof r === 'object' && r !== null && (r as { id?: unknown }).id === 'site')
      : undefined;
    const parsed = siteSchema.safeParse(record);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
