/**
 * Runs the output gate (output-gate.ts) over a finished build folder, for the
 * build entry point (scripts/build.ts) once `astro build` has exited and
 * before the search indexes are built from the pages it checked. Out of
 * Astro's process, the gate's reading of every page no longer adds to the
 * heap page generation left behind (at 10,000 entries Astro grew from 1.6 to
 * 2.2 GB while the gate ran inside it; docs/performance.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contactsOf } from '../rules/public-contacts.ts';
import { formatProblem } from '../rules/problems.ts';
import { listEntryFiles } from '../parse/content-files.ts';
import { CONTENT_FILES } from '../model/content-root.ts';
import { siteSchema, type SiteData } from '../model/schema.ts';
import { loadYamlData } from '../parse/yaml.ts';
import { passMemo } from '../build/pass-memo.ts';
import { gateOutput } from './output-gate.ts';
import { makeRenditions } from '../photos/make-renditions.ts';
import { PHOTO_FILES, photoFiles } from '../photos/photo-file.ts';

/** The content files a hit may have come from, as editors know them. */
function contentSources(root: string): Array<{ file: string; text: string }> {
  const yaml = readdirSync(root).filter((f) => f.endsWith('.yaml'));
  const entries = listEntryFiles(join(root, CONTENT_FILES.entries)).files;
  return [...yaml.map((f) => join(root, f)), ...entries].map((path) => ({
    file: relative(process.cwd(), path),
    text: readFileSync(path, 'utf8'),
  }));
}

/**
 * The site settings of a parsed `site.yaml` (its one record, id `site`), parsed with the site
 * schema; none when it has no such record. The content gate has already refused a bad one.
 */
export function siteOf(records: unknown): SiteData | undefined {
  const record = Array.isArray(records)
    ? (records as unknown[]).find((r) => isRecord(r) && r.id === 'site')
    : undefined;
  return record === undefined ? undefined : siteSchema.parse(record);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Gates the build in `outDir` of the content in `root`, remembering passed
 * pages in `cache`. The report for the build log, and whether it passed.
 */
export async function gateSite(outDir: string, root: string, cache: string): Promise<{ ok: boolean; report: string }> {
  const site = siteOf(loadYamlData(readFileSync(join(root, CONTENT_FILES.site), 'utf8')));
  const started = Date.now();
  let photos = '';
  let pages = '';
  const problems = await gateOutput(outDir, {
    allowed: contactsOf(site),
    sources: () => contentSources(root),
    memo: passMemo<string[]>(join(cache, 'output-gate.json')),
    // The memo holds the last passed build's pages by their bytes: those it lacks are new or changed.
    counted: ({ total, changed }) => (pages = `页面：${total} 个，其中 ${changed} 个是新页面或内容有变化\n`),
    // The photo renditions the pages refer to, made before every image is checked.
    makeAssets: async (referenced) => {
      const from = Date.now();
      const made = await makeRenditions(
        outDir,
        referenced,
        photoFiles(join(cache, PHOTO_FILES)),
        join(cache, 'photos'),
      );
      photos = `照片：生成 ${made.made} 个，沿用 ${made.reused} 个（用时 ${((Date.now() - from) / 1000).toFixed(1)} 秒）\n`;
      return made.problems;
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length === 0)
    return { ok: true, report: `${pages}${photos}发布检查通过：没有个人信息（用时 ${seconds} 秒）` };
  return {
    ok: false,
    report: `${pages}${photos}${problems.map(formatProblem).join('\n')}\n发布检查未通过：${problems.length} 个问题，已删除本次构建的输出，没有发布任何内容。`,
  };
}
