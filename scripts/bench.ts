/**
 * npm run bench [-- --corpus stories,sheet --sizes 1000,10000 --runs 3]
 *
 * Generates synthetic content in node_modules/.honour-tmp/ at each size, in
 * one or both corpora — `stories` (longer stories, a photo on one entry in
 * five) and `sheet` (short text-only entries imported from county offices'
 * sheets with `content:import`, scripts/bench/sheet.ts) — builds it through
 * HONOUR_CONTENT_DIR exactly as a release builder would, and prints medians
 * (and min–max) of several runs, all measured side by side in one run: cold
 * and warm build time, a rebuild after a quarterly release (a new record in
 * releases.yaml and 100 new entries), the files each build rendered and reused
 * and the pages whose bytes changed, peak RSS of the whole process tree,
 * output size, Pagefind index size and time, page and photo transfer sizes,
 * what a cold name search costs in Chromium, and the same entries built by a
 * bare Astro MDX project (the naive baseline) and by Hugo plus the Pagefind
 * CLI (the fast static baseline the targets compare to; Debian's `hugo`
 * package, skipped when it is not installed; the median of at least
 * `--peer-runs` builds, as its time swings on a shared machine). Sizes above
 * 10,000 are built once (`--runs` applies below). Figures, not pass/fail:
 * see docs/performance.md.
 *
 * `-- --portal 11x10000` runs only the provincial portal instead (issue 32): 11 member cities
 * of 10,000 records each, their open data generated directly (not built), one portal build
 * over them, then a cold name search and a story search in Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addRelease, generateContent, generateMemberData, NEW_RELEASE } from './bench/generate.ts';
import { generateSheetContent } from './bench/sheet.ts';
import { phases, photoStep, type Phases } from './bench/build-log.ts';
import { coldSearch, dirStats, fmt, median, pageTransfer, photoBytes, treeRssKiB } from './bench/measure.ts';
import { routes } from '../src/model/routes.ts';
import { baselineProject, hugoProject } from './bench/projects.ts';
import { PROJECT_TMP, projectTmp } from './lib/tmp.ts';
import { benchDesk } from './bench/desk.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'stories,sheet' },
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    'peer-runs': { type: 'string', default: '3' },
    baselines: { type: 'string', default: 'astro,hugo' },
    'search-runs': { type: 'string', default: '5' },
    portal: { type: 'string' },
    /** `desk`: only the desk's case (seconds, no builds). */
    only: { type: 'string' },
  },
});
const deskOnly = values.only === 'desk';
type Corpus = 'stories' | 'sheet';
const corpora = values.corpus.split(',').map((c) => {
  if (c !== 'stories' && c !== 'sheet') throw new Error(`--corpus: stories or sheet, not ${c}`);
  return c;
});
const sizes = deskOnly ? [] : values.sizes.split(',').map(Number);
const runs = Number(values.runs);
/** A size above 10,000 is built once: the 30,000 point then fits a session beside the others. */
const runsAt = (size: number) => (size > 10_000 ? 1 : runs);
const peerRuns = Number(values['peer-runs']);
const baselines = new Set(values.baselines.split(','));
const searchRuns = Number(values['search-runs']);

interface BuildRun {
  seconds: number;
  peakMiB: number;
  /** Peak resident memory of Pagefind's own processes. */
  pagefindPeakMiB: number;
  pagefindSeconds: number;
  phases: Phases;
  /** Files Astro rendered and reused from the incremental cache; HTML pages, and those new or changed. */
  pages: { rendered: number; reused: number; total: number; changed: number };
  ok: boolean;
  log: string;
}

/** The build's own lines (scripts/build.ts, src/publish/gate-site.ts): files rendered and reused, pages changed. */
function pageCounts(log: string): BuildRun['pages'] {
  const made = /页面生成：生成 (\d+) 个文件，沿用上次构建的 (\d+) 个/.exec(log);
  const gate = /页面：(\d+) 个，其中 (\d+) 个是新页面或内容有变化/.exec(log);
  return {
    rendered: Number(made?.[1] ?? NaN),
    reused: Number(made?.[2] ?? NaN),
    total: Number(gate?.[1] ?? NaN),
    changed: Number(gate?.[2] ?? NaN),
  };
}

function cacheDirFor(contentDir: string): string {
  return resolve(`node_modules/.astro-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)}`);
}

/** Every build's log is kept here, for a look at where its time went. */
const logDir = projectTmp('bench-logs-');
let buildCount = 0;

type Builder = 'project' | 'astro' | 'hugo';

async function build(
  contentDir: string,
  outDir: string,
  cwd = process.cwd(),
  builder: Builder = 'project',
): Promise<BuildRun> {
  const started = performance.now();
  // The project builds through its one entry point (scripts/build.ts); the bare baseline with Astro itself.
  const [program, ...command] =
    builder === 'project'
      ? [process.execPath, resolve('scripts/build.ts'), '--outDir', outDir]
      : builder === 'astro'
        ? [process.execPath, resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir]
        : ['bash', 'build.sh'];
  const child = spawn(program, command, {
    cwd,
    env: { ...process.env, HONOUR_CONTENT_DIR: contentDir, NO_COLOR: '1' },
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let peak = 0;
  let pagefindPeak = 0;
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const rss = treeRssKiB(child.pid);
    peak = Math.max(peak, rss.total);
    pagefindPeak = Math.max(pagefindPeak, rss.pagefind);
  }, 100);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(sampler);
  writeFileSync(join(logDir, `${String(++buildCount).padStart(2, '0')}-${basename(contentDir)}.log`), log);
  const pagefind = /搜索索引：.*用时 ([\d.]+) 秒/.exec(log);
  const run = {
    seconds: (performance.now() - started) / 1000,
    peakMiB: peak / 1024,
    pagefindPeakMiB: pagefindPeak / 1024,
    pagefindSeconds: pagefind ? Number(pagefind[1]) : NaN,
    phases: phases(log),
    pages: pageCounts(log),
    ok: code === 0,
    log,
  };
  console.error(
    `[bench]   ${run.ok ? 'ok' : 'FAILED'} ${run.seconds.toFixed(1)} s, peak ${run.peakMiB.toFixed(0)} MiB, ` +
      `sync ${run.phases.sync} s, bundle ${run.phases.bundle} s, pages ${run.phases.pages} s, ` +
      `photos ${run.phases.images} s, Pagefind ${run.pagefindSeconds} s, ` +
      `files rendered ${run.pages.rendered} reused ${run.pages.reused}, pages changed ${run.pages.changed} of ${run.pages.total} (log ${buildCount})`,
  );
  return run;
}

/**
 * The portal run: `members` cities of `size` records each, generated as their open data, and a
 * portal content root over them (the sample's lists, no entries of its own); one cold build.
 */
async function portalRun(members: number, size: number): Promise<void> {
  const root = join(tmpdir(), `honour-bench-portal-${members}x${size}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'entries'), { recursive: true });
  mkdirSync(join(root, 'members'), { recursive: true });
  for (const f of ['regions.yaml', 'titles.yaml', 'categories.yaml', 'releases.yaml'])
    cpSync(join('content', f), join(root, f));
  const list: string[] = [];
  let storyChars = 0;
  let query = '';
  console.error(`[bench] portal: generating ${members} × ${size} records in ${root}`);
  for (let m = 0; m < members; m++) {
    const id = `city${String(m + 1).padStart(2, '0')}`;
    const base = `https://hrb.${id}.example.cn/`;
    const data = generateMemberData(m + 1, base, size);
    const records = data.records as Array<{ name: string; story: string }>;
    for (const r of records) storyChars += r.story.length;
    if (m === members - 1) query = records[Math.floor(size / 2)]!.name;
    const bytes = JSON.stringify({
      licence: 'CC BY 4.0',
      publisher: `${id} 文明办（合成数据）`,
      sample: true,
      ...data,
    });
    writeFileSync(join(root, 'members', `${id}.json`), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    list.push(`    - { id: ${id}, name: 第${m + 1}市, url: "${base}", data: members/${id}.json, sha256: ${sha} }`);
  }
  const site = readFileSync(join('content', 'site.yaml'), 'utf8')
    .replace('title: 临汾好人榜', 'title: 山西好人榜（合成数据）')
    .replace('url: https://hrb.example.cn', 'url: https://hrb.shanxi.example.cn');
  writeFileSync(join(root, 'site.yaml'), `${site.trimEnd()}\n  members:\n${list.join('\n')}\n`);
  const inputMiB =
    readdirSync(join(root, 'members')).reduce((n, f) => n + statSync(join(root, 'members', f)).size, 0) / 2 ** 20;

  const outDir = join(projectTmp(`bench-portal-`), 'dist');
  rmSync(cacheDirFor(root), { recursive: true, force: true });
  console.error(`[bench] portal: cold build`);
  const run = await build(root, outDir);
  if (!run.ok) throw new Error(`portal build failed:\n${run.log.slice(-3000)}`);
  const total = members * size;
  const storyDir = join(outDir, routes.storyIndexes);
  const shardsOut = JSON.parse(readFileSync(join(storyDir, 'shards.json'), 'utf8')) as string[];
  const metaSizes = shardsOut.map((shard) => {
    const dir = join(outDir, routes.storyIndex(shard));
    const meta = readdirSync(dir).find((f) => f.endsWith('.pf_meta'));
    return meta ? statSync(join(dir, meta)).size : 0;
  });
  const names = [];
  for (let i = 0; i < searchRuns; i++) names.push(await coldSearch(outDir, query));
  // A word of the generated stories (THINGS in generate.ts): found in many records, by the story index alone.
  const storyWord = '连翘';
  const stories = [];
  for (let i = 0; i < searchRuns; i++) stories.push(await coldSearch(outDir, storyWord));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const lines: Array<[string, string]> = [
    ['members × records', `${members} × ${size} = ${total}`],
    ['member data (entries.json with stories), MiB', inputMiB.toFixed(1)],
    ['story text, million characters', (storyChars / 1e6).toFixed(1)],
    ['portal build (cold), s', run.seconds.toFixed(1)],
    ['  of which Pagefind indexing, s', String(run.pagefindSeconds)],
    ['  cost per 10,000 records, s', ((run.seconds / total) * 10_000).toFixed(1)],
    ['peak RSS, whole build, MiB (budget 4,096)', run.peakMiB.toFixed(0)],
    ['  Pagefind processes, peak RSS, MiB', run.pagefindPeakMiB.toFixed(0)],
    ['dist size, MiB / files', (({ bytes, files }) => `${(bytes / 2 ** 20).toFixed(1)} / ${files}`)(dirStats(outDir))],
    [
      'names table, MiB / files',
      (({ bytes, files }) => `${(bytes / 2 ** 20).toFixed(1)} / ${files}`)(dirStats(join(outDir, routes.namesTable))),
    ],
    [
      'story index, MiB / files',
      (({ bytes, files }) => `${(bytes / 2 ** 20).toFixed(1)} / ${files}`)(dirStats(storyDir)),
    ],
    ['story indexes (shards)', String(shardsOut.length)],
    [
      'story indexes pf_meta, KiB: each (largest) / all',
      `${(Math.max(...metaSizes) / 1024).toFixed(0)} / ${(metaSizes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)}`,
    ],
    ['cold name search: the query', query],
    [
      'cold name search: first results, ms',
      fmt(
        names.map((s) => s.ms),
        0,
      ),
    ],
    [
      'cold name search: bytes to first results (gzip), KiB (target ≤ 250 KB)',
      fmt(
        names.map((s) => s.firstKiB),
        0,
      ),
    ],
    [
      'cold name search: complete answer, ms',
      fmt(
        names.map((s) => s.completeMs),
        0,
      ),
    ],
    [
      'cold name search: bytes to the complete answer, KiB',
      fmt(
        names.map((s) => s.completeKiB),
        0,
      ),
    ],
    [
      `story search (“${storyWord}”): complete answer, ms`,
      fmt(
        stories.map((s) => s.completeMs),
        0,
      ),
    ],
    [
      `story search (“${storyWord}”): bytes to the complete answer, KiB`,
      fmt(
        stories.map((s) => s.completeKiB),
        0,
      ),
    ],
    ['load average at the end (1, 5, 15 min)', load],
  ];
  console.log(`\nportal run (median (min–max) of ${searchRuns} searches; one build); machine: 2 cores, shared\n`);
  for (const [k, v] of lines) console.log(`| ${k} | ${v} |`);
  console.error(
    `[bench] portal build log:\n${run.log
      .split('\n')
      .filter((l) => /门户|成员“|搜索|用时|发布检查/.test(l))
      .slice(-20)
      .join('\n')}`,
  );
}

if (values.portal) {
  const [members = 11, size = 10_000] = values.portal.split('x').map(Number);
  await portalRun(members, size);
  process.exit(0);
}

const hugoInstalled = spawnSync('hugo', ['version']).status === 0;

const rows: Array<[string, ...string[]]> = [];
const column: string[] = [];
const table = new Map<string, string[]>();
const put = (metric: string, value: string) => table.set(metric, [...(table.get(metric) ?? []), value]);

/** Writes a corpus's content root at `size` entries, or adds a quarterly release of `size` entries after `start`. */
const corpusContent = (corpus: Corpus, dir: string, size: number, start?: number) =>
  corpus === 'sheet'
    ? generateSheetContent(dir, { size, start, release: start === undefined ? undefined : NEW_RELEASE })
    : generateContent(dir, { size, start, release: start === undefined ? undefined : NEW_RELEASE.id });

console.error(`[bench] build logs in ${logDir}`);
for (const [corpus, size] of corpora.flatMap((c) => sizes.map((n) => [c, n] as const))) {
  const name = `${corpus}-${size}`;
  column.push(`${corpus}, ${size} entries`);
  // Corpora live in node_modules/.honour-tmp/ beside the builds, never inside the repository's files.
  const contentDir = join(PROJECT_TMP, `bench-content-${name}`);
  // Inside the project, so Astro keeps this build's prerender chunks apart (scripts/lib/tmp.ts).
  const outDir = join(projectTmp(`bench-${name}-`), 'dist');
  console.error(`[bench] generating ${size} entries (${corpus}) in ${contentDir}`);
  await corpusContent(corpus, contentDir, size);

  const baselineDir = baselines.has('astro') ? baselineProject(contentDir, name) : undefined;
  const cold: BuildRun[] = [];
  const warm: BuildRun[] = [];
  const release: BuildRun[] = [];
  const baseline: BuildRun[] = [];
  const hugo: BuildRun[] = [];
  const hugoDir = hugoInstalled && baselines.has('hugo') ? hugoProject(contentDir, name) : undefined;
  const n = runsAt(size);
  for (let i = 0; i < n; i++) {
    rmSync(cacheDirFor(contentDir), { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    console.error(`[bench] ${name}: cold build ${i + 1}/${n}`);
    cold.push(await build(contentDir, outDir));
    console.error(`[bench] ${name}: warm build ${i + 1}/${n}`);
    warm.push(await build(contentDir, outDir));
    // A quarterly release: a new record in releases.yaml and 100 new entries in it, built with the
    // caches of the last build. Its content is then taken out again, so the next run is the same.
    const restore = addRelease(contentDir);
    const added = await corpusContent(corpus, contentDir, 100, size);
    console.error(`[bench] ${name}: rebuild after a 100-entry release ${i + 1}/${n}`);
    release.push(await build(contentDir, outDir));
    for (const f of added) rmSync(f);
    restore();
    if (baselineDir) {
      console.error(`[bench] ${name}: baseline (bare Astro MDX) ${i + 1}/${n}`);
      rmSync(join(baselineDir, 'cache'), { recursive: true, force: true });
      baseline.push(await build(contentDir, join(baselineDir, 'dist'), baselineDir, 'astro'));
    }
    if (hugoDir) {
      console.error(`[bench] ${name}: baseline (Hugo + Pagefind CLI) ${i + 1}/${n}`);
      hugo.push(await build(contentDir, '', hugoDir, 'hugo'));
    }
  }
  // The peer's time swings between runs on a shared machine: its median is of at least --peer-runs builds.
  while (hugoDir && hugo.length < peerRuns) {
    console.error(`[bench] ${name}: baseline (Hugo + Pagefind CLI) ${hugo.length + 1}/${peerRuns}`);
    hugo.push(await build(contentDir, '', hugoDir, 'hugo'));
  }
  // Leave the site as the runs measured it (without the added release) for the size and search figures.
  console.error(`[bench] ${name}: rebuild without the added release`);
  const restored = await build(contentDir, outDir);
  const { made: imagesMade, reused: imagesReused } = photoStep(restored.log);
  const imagesTotal = imagesMade + imagesReused;
  const failed = [...cold, ...warm, ...release, ...baseline, ...hugo, restored].find((r) => !r.ok);
  if (failed) throw new Error(`build failed at ${size} entries:\n${failed.log.slice(-3000)}`);

  const dist = dirStats(outDir);
  const namesTable = dirStats(join(outDir, routes.namesTable));
  const storyIndexes = dirStats(join(outDir, routes.storyIndexes));
  const entryPages = readdirSync(join(outDir, 'people')).filter((d) => d.includes('-'));
  const sample = entryPages.filter((_, i) => i % Math.max(1, Math.floor(entryPages.length / 100)) === 0);
  const entryKiB = sample.map((d) => pageTransfer(outDir, join('people', d, 'index.html')) / 1024);
  const rollKiB = ['people/index.html', 'regions/yaodu/index.html', 'honours/lf-hr/index.html']
    .filter((f) => existsSync(join(outDir, f)))
    .map((f) => pageTransfer(outDir, f) / 1024);
  const query = /^name: (.+)$/m
    .exec(
      readFileSync(
        join(
          contentDir,
          'entries',
          'yaodu',
          readdirSync(join(contentDir, 'entries', 'yaodu')).find((f) => f.endsWith('.mdx'))!,
        ),
        'utf8',
      ),
    )![1]!
    .replace(/^['"]|['"]$/g, '');
  const searches = [];
  for (let i = 0; i < searchRuns; i++) searches.push(await coldSearch(outDir, query));

  put('cold build, s', fmt(cold.map((r) => r.seconds)));
  put('baseline: bare Astro MDX, one page per entry, s', fmt(baseline.map((r) => r.seconds)));
  put(
    'cold build ÷ baseline',
    `${(median(cold.map((r) => r.seconds)) / median(baseline.map((r) => r.seconds))).toFixed(2)}×`,
  );
  const hugoMedian = median(hugo.map((r) => r.seconds));
  put('baseline: Hugo + Pagefind CLI, same entries, s', fmt(hugo.map((r) => r.seconds)));
  put('cold build ÷ Hugo + Pagefind (target ≤ 3×)', `${(median(cold.map((r) => r.seconds)) / hugoMedian).toFixed(2)}×`);
  put(
    'release rebuild ÷ Hugo + Pagefind (target ≤ 1.5×)',
    `${(median(release.map((r) => r.seconds)) / hugoMedian).toFixed(2)}×`,
  );
  put(
    'Hugo + Pagefind peak RSS, MiB',
    fmt(
      hugo.map((r) => r.peakMiB),
      0,
    ),
  );
  put('warm rebuild (nothing changed), s', fmt(warm.map((r) => r.seconds)));
  put('rebuild after a 100-entry release, s', fmt(release.map((r) => r.seconds)));
  const counts = (builds: BuildRun[]) => builds.at(-1)?.pages ?? pageCounts('');
  put(
    'files rendered / reused: cold, warm, release',
    [cold, warm, release].map((b) => `${counts(b).rendered}/${counts(b).reused}`).join(', '),
  );
  put('release rebuild: HTML pages new or changed, of all', `${counts(release).changed} of ${counts(release).total}`);
  put(
    'release rebuild: files rendered ÷ pages changed (target ≤ 2)',
    (counts(release).rendered / counts(release).changed).toFixed(2),
  );
  put(
    'peak RSS, whole build, MiB',
    fmt(
      cold.map((r) => r.peakMiB),
      0,
    ),
  );
  put(
    'baseline peak RSS, MiB',
    fmt(
      baseline.map((r) => r.peakMiB),
      0,
    ),
  );
  put(
    'peak RSS, 100-entry release rebuild, MiB',
    fmt(
      release.map((r) => r.peakMiB),
      0,
    ),
  );
  put('  of which content sync + types, s', fmt(cold.map((r) => r.phases.sync)));
  put('  of which bundling (Vite/Rolldown), s', fmt(cold.map((r) => r.phases.bundle)));
  put('  of which page generation, s', fmt(cold.map((r) => r.phases.pages)));
  put('  of which photos, s', fmt(cold.map((r) => r.phases.images)));
  put('  of which Pagefind indexing, s', fmt(cold.map((r) => r.pagefindSeconds)));
  put(
    '  Pagefind processes, peak RSS, MiB',
    fmt(
      cold.map((r) => r.pagefindPeakMiB),
      0,
    ),
  );
  put('  release rebuild: page generation, s', fmt(release.map((r) => r.phases.pages)));
  put('  release rebuild: Pagefind indexing, s', fmt(release.map((r) => r.pagefindSeconds)));
  put('photos reused from the cache on a rebuild', `${imagesReused} of ${imagesTotal}`);
  put('dist size, MiB / files', `${(dist.bytes / 2 ** 20).toFixed(1)} / ${dist.files}`);
  put(
    'search: names table / story indexes, MiB',
    `${(namesTable.bytes / 2 ** 20).toFixed(1)} / ${(storyIndexes.bytes / 2 ** 20).toFixed(1)}`,
  );
  put('search: names table / story indexes, files', `${namesTable.files} / ${storyIndexes.files}`);
  put('entry page, gzip HTML+CSS, KiB (median)', median(entryKiB).toFixed(1));
  put('roll page, gzip HTML+CSS, KiB (median)', median(rollKiB).toFixed(1));
  const photoPage = entryPages.find((d) =>
    readFileSync(join(outDir, 'people', d, 'index.html'), 'utf8').includes('<picture'),
  );
  const photo = photoPage
    ? photoBytes(outDir, readFileSync(join(outDir, 'people', photoPage, 'index.html'), 'utf8'), 720)
    : {};
  put(
    '4,000 px photo at 720 px (entry page), AVIF / WebP KiB',
    `${((photo.avif ?? NaN) / 1024).toFixed(1)} / ${((photo.webp ?? NaN) / 1024).toFixed(1)}`,
  );
  put('cold name search: the query (a name from the roll)', query);
  put(
    'cold name search: first results, ms',
    fmt(
      searches.map((s) => s.ms),
      0,
    ),
  );
  put(
    'cold name search: bytes to first results (gzip; names table and scripts), KiB',
    fmt(
      searches.map((s) => s.firstKiB),
      0,
    ),
  );
  const parts = searches.at(-1)?.parts ?? {};
  put(
    '  bytes to first results by kind, KiB',
    Object.entries(parts)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', '),
  );
  put(
    'cold name search: complete answer (story indexes merged), ms',
    fmt(
      searches.map((s) => s.completeMs),
      0,
    ),
  );
  put(
    'cold name search: Pagefind bytes to the complete answer, KiB',
    fmt(
      searches.map((s) => s.completeKiB),
      0,
    ),
  );
  put(
    'cold name search: all bytes transferred incl. page, KiB',
    fmt(
      searches.map((s) => s.totalKiB),
      0,
    ),
  );
}

// The editors' desk on a county of 1,000 entries: its listing must answer within a second.
{
  console.error('[bench] desk: a county folder of 1,000 entries');
  const d = await benchDesk(join(tmpdir(), 'honour-bench-desk'), 1000);
  console.log(
    `\ndesk: listing a county folder of ${d.entries} entries (entriesByFolder, ${d.listMiB.toFixed(1)} MB of JSON) took ` +
      `${d.listFirst.toFixed(2)} s with nothing kept, ${d.listAgain.toFixed(2)} s again (${d.listAgainCpu.toFixed(2)} s of CPU); saving one of them took ` +
      `${d.saveFirst.toFixed(2)} s first (every entry checked once for the cross-file rules), ${d.saveAgain.toFixed(2)} s again`,
  );
}

// Photos: every photo entry of the main runs shares one of ten source files, and the photo step
// makes the renditions of each distinct file once, so their photo phase is small. What a new photo costs, measured apart:
// 50 entries with 10 distinct 4,000 × 3,000 photos, built with an empty cache and again with it kept.
if (!deskOnly && corpora.includes('stories')) {
  const photoDir = join(PROJECT_TMP, 'bench-content-photos');
  const photoOut = join(projectTmp('bench-photos-'), 'dist');
  await generateContent(photoDir, { size: 50 });
  const first: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(cacheDirFor(photoDir), { recursive: true, force: true });
    console.error(`[bench] photos: first build ${i + 1}/${runs}`);
    first.push((await build(photoDir, photoOut)).phases.images);
    again.push((await build(photoDir, photoOut)).phases.images);
  }
  console.log(
    `\nphotos: processing 10 new 4,000 × 3,000 photos took ${fmt(first, 2)} s (${(median(first) / 10).toFixed(2)} s per photo); ` +
      `the next build, cache kept: ${fmt(again, 2)} s`,
  );
}

if (deskOnly) process.exit(0);
rows.push(['metric', ...column]);
for (const [metric, vals] of table) rows.push([metric, ...vals]);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => Array.from(r[c] ?? '').length)));
console.log(
  `\nmedian (min–max) of ${runs} build runs (one above 10,000 entries), at least ${peerRuns} peer builds and ${searchRuns} searches; ` +
    `machine: 2 cores, shared; load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
);
for (const r of rows) console.log(`| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`);
