/**
 * Builds the search indexes of a finished site with the Pagefind CLI, after
 * `astro build` has exited (scripts/build.ts), so Astro's and Pagefind's
 * memory peaks never add up.
 *
 * Two tiers (search-index.ts): the names table in dist/search/names/, planned
 * from the rows Astro wrote (names-table.ts) and written before the output
 * gate (writeNamesTable), and one story index per shard in
 * dist/pagefind-stories/<shard>/. Pagefind cannot update
 * an index, so each index is kept in the cache with a hash of the pages it
 * reads, and only an index whose pages changed is built again: the pages it
 * reads are written to a work folder, the CLI indexes that folder into a new
 * folder of the cache, and the kept index is hard-linked into the site
 * (copied where a link cannot cross file systems). A kept index is replaced
 * by a new folder, never written into, so a published site's linked files
 * never change under it. One Pagefind process at a time.
 *
 * The CLI indexed the same pages about 1.6x faster than the Node API, whose
 * service takes one page per message (profile of the 10,000-entry bench,
 * issue 18); linking the 21,000 kept index files instead of copying them in
 * and out of the cache saved 1-2 s (ditto). docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { routes } from '../model/routes.ts';
import { linkTree } from '../build/link-files.ts';
import {
  RECORD_PAGES,
  SHARDS_FILE,
  indexedPart,
  planIndexes,
  type IndexInput,
  type IndexedPage,
} from './search-index.ts';
import { fileOf, planNamesTable, readRow, type StoredRow } from './names-table.ts';

/** dist/ folder of each index. */
const outFolder = (name: string) => name.replace(/^stories\//, 'pagefind-stories/');

/** A route's folder or file inside the site folder. */
const inSite = (site: string, route: string) => join(site, ...route.split('/').filter(Boolean));

/**
 * Writes the names table from the rows Astro wrote, and takes the rows out of
 * the site. Run by the build's gate step before the output gate, so the gate
 * reads the very files residents' phones fetch. A line for the build log.
 */
export function writeNamesTable(site: string): string {
  const source = inSite(site, routes.namesRows);
  const rows = (JSON.parse(readFileSync(source, 'utf8')) as StoredRow[]).map(readRow);
  const { index, files } = planNamesTable(rows);
  const folder = inSite(site, routes.namesTable);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, fileOf(file.key)), JSON.stringify(file));
  writeFileSync(join(folder, 'index.json'), JSON.stringify(index));
  rmSync(source);
  return `搜索姓名表：${files.length} 个文件（${rows.length} 人）`;
}

/** The indexed part of a page file, or undefined for pages that are not entries (redirects). */
function indexedPage(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  return html.includes('data-pagefind-body') ? indexedPart(html) : undefined;
}

/** Every page to index, by URL: the entry pages, and a portal's record pages (two levels below RECORD_PAGES). */
function pageFiles(site: string): Map<string, string> {
  const files = new Map<string, string>();
  const people = join(site, 'people');
  if (existsSync(people))
    for (const slug of readdirSync(people)) files.set(routes.entry(slug), join(people, slug, 'index.html'));
  const records = join(site, RECORD_PAGES);
  if (existsSync(records))
    for (const member of readdirSync(records))
      for (const slug of readdirSync(join(records, member)))
        files.set(`/${member}/${slug}/`, join(records, member, slug, 'index.html'));
  return files;
}

/** Every page, read one at a time (the plan keeps a digest of each, not the page). */
function* indexedPages(files: ReadonlyMap<string, string>): Generator<IndexedPage> {
  for (const [url, file] of files) {
    const html = indexedPage(file);
    if (html !== undefined) yield { url, html };
  }
}

/** The Pagefind binary the npm package installed for this platform (as its own runner finds it). */
function pagefindBinary(): string {
  const require = createRequire(import.meta.url);
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform()}-${arch()}/bin/${name}`);
    } catch {
      /* try the next name */
    }
  }
  throw new Error(`Pagefind: no binary installed for ${platform()}-${arch()} (npm ci installs it)`);
}

/** Runs the Pagefind CLI over `site` into `out`; any error or warning it prints fails the build. */
function runPagefind(site: string, out: string, signal?: AbortSignal): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(pagefindBinary(), ['--site', site, '--output-path', out, '--quiet'], {
      signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stdout.on('data', (d: Buffer) => (said += d.toString()));
    child.stderr.on('data', (d: Buffer) => (said += d.toString()));
    child.once('error', fail);
    child.once('close', (code) => {
      if (code === 0 && !said.trim()) done();
      else fail(new Error(`Pagefind (${code ?? 'killed'}): ${said.trim()}`));
    });
  });
}

/** Links the kept index when its hash matches, else builds it into the cache first. Returns whether it was built. */
async function buildOrReuse(
  input: IndexInput,
  files: ReadonlyMap<string, string>,
  site: string,
  cache: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const kept = join(cache, input.name, 'pagefind');
  const keptHash = join(cache, input.name, 'pages.sha256');
  const reuse = existsSync(keptHash) && readFileSync(keptHash, 'utf8') === input.hash && existsSync(kept);
  if (!reuse) {
    const work = join(cache, '.work', input.name);
    const fresh = `${kept}.new`;
    rmSync(work, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
    // The pages are read again, one at a time, and written as the index reads them.
    for (const url of input.urls) {
      const source = files.get(url);
      const html = source === undefined ? undefined : indexedPage(source);
      if (html === undefined) throw new Error(`Pagefind: ${url} changed while indexing`);
      const file = join(work, url, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
    }
    await runPagefind(work, fresh, signal);
    rmSync(work, { recursive: true, force: true });
    // The hash goes last, so a half-built index is never trusted.
    rmSync(keptHash, { force: true });
    rmSync(kept, { recursive: true, force: true });
    renameSync(fresh, kept);
    writeFileSync(keptHash, input.hash);
  }
  linkTree(kept, join(site, outFolder(input.name)));
  return !reuse;
}

/** Drops kept story indexes of shards that no longer exist, and anything else left in the cache. */
function pruneCache(cache: string, shards: string[]) {
  for (const entry of readdirSync(cache)) if (entry !== 'stories') rmSync(join(cache, entry), { recursive: true });
  const dir = join(cache, 'stories');
  if (!existsSync(dir)) return;
  for (const shard of readdirSync(dir)) if (!shards.includes(shard)) rmSync(join(dir, shard), { recursive: true });
}

/**
 * Indexes the built `site` (its entry pages), reusing what `cache` keeps;
 * `salt` changes every index when the tools change (the lock file). Returns
 * a line for the build log.
 */
export async function indexSite(site: string, cache: string, salt: string, signal?: AbortSignal): Promise<string> {
  const started = performance.now();
  const files = pageFiles(site);
  const stories = planIndexes(indexedPages(files), salt);
  if (!stories.length) throw new Error('Pagefind: no entry page (data-pagefind-body) to index');
  mkdirSync(cache, { recursive: true });
  rmSync(join(site, 'pagefind-stories'), { recursive: true, force: true });
  const rebuilt: string[] = [];
  for (const input of stories) if (await buildOrReuse(input, files, site, cache, signal)) rebuilt.push(input.name);
  // A portal's record pages were for the gate and the index only: the results link to the members' own pages.
  rmSync(join(site, RECORD_PAGES), { recursive: true, force: true });
  const shards = stories.map((s) => s.name.replace(/^stories\//, ''));
  writeFileSync(join(site, 'pagefind-stories', SHARDS_FILE), JSON.stringify(shards));
  pruneCache(cache, shards);
  const reindexed = stories.filter((s) => rebuilt.includes(s.name)).reduce((n, s) => n + s.urls.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `搜索索引：事迹索引 ${stories.length} 份，重建 ${rebuilt.length} 份（${reindexed} 个页面），沿用 ${stories.length - rebuilt.length} 份；用时 ${seconds} 秒`;
}
