/**
 * npm run bench [-- --sizes 1000,10000 --runs 3]
 *
 * Generates synthetic content outside the repository at each size, builds it
 * through HONOUR_CONTENT_DIR exactly as a release builder would, and prints
 * medians (and min–max) of several runs, all measured side by side in one run:
 * cold and warm build time, a rebuild after a new 100-entry release, peak RSS
 * of the whole process tree, output size, Pagefind index size and time, page
 * and photo transfer sizes, what a cold name search costs in Chromium, and the
 * same entries built by a bare Astro MDX project (the naive baseline) and by
 * Hugo plus the Pagefind CLI (the fast static baseline the targets compare to;
 * Debian's `hugo` package, skipped when it is not installed).
 * Figures, not pass/fail: see docs/performance.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateContent } from './bench/generate.ts';
import { phases, photoStep, type Phases } from './bench/build-log.ts';
import { coldSearch, dirStats, fmt, median, pageTransfer, photoBytes, treeRssKiB } from './bench/measure.ts';
import { routes } from '../src/model/routes.ts';
import { baselineProject, hugoProject } from './bench/projects.ts';
import { projectTmp } from './lib/tmp.ts';
import { benchDesk } from './bench/desk.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    'search-runs': { type: 'string', default: '5' },
    /** `desk`: only the desk's case (seconds, no builds). */
    only: { type: 'string' },
  },
});
const deskOnly = values.only === 'desk';
const sizes = deskOnly ? [] : values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const searchRuns = Number(values['search-runs']);

interface BuildRun {
  seconds: number;
  peakMiB: number;
  /** Peak resident memory of Pagefind's own processes. */
  pagefindPeakMiB: number;
  pagefindSeconds: number;
  phases: Phases;
  ok: boolean;
  log: string;
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
    ok: code === 0,
    log,
  };
  console.error(
    `[bench]   ${run.ok ? 'ok' : 'FAILED'} ${run.seconds.toFixed(1)} s, peak ${run.peakMiB.toFixed(0)} MiB, ` +
      `sync ${run.phases.sync} s, bundle ${run.phases.bundle} s, pages ${run.phases.pages} s, ` +
      `photos ${run.phases.images} s, Pagefind ${run.pagefindSeconds} s (log ${buildCount})`,
  );
  return run;
}

const hugoInstalled = spawnSync('hugo', ['version']).status === 0;

const rows: Array<[string, ...string[]]> = [];
const column: string[] = [];
const table = new Map<string, string[]>();
const put = (metric: string, value: string) => table.set(metric, [...(table.get(metric) ?? []), value]);

console.error(`[bench] build logs in ${logDir}`);
for (const size of sizes) {
  column.push(`${size} entries`);
  const contentDir = join(tmpdir(), `honour-bench-${size}`);
  // Inside the project, so Astro keeps this build's prerender chunks apart (scripts/lib/tmp.ts).
  const outDir = join(projectTmp(`bench-${size}-`), 'dist');
  console.error(`[bench] generating ${size} entries in ${contentDir}`);
  await generateContent(contentDir, { size });

  const baselineDir = baselineProject(contentDir, size);
  const cold: BuildRun[] = [];
  const warm: BuildRun[] = [];
  const release: BuildRun[] = [];
  const baseline: BuildRun[] = [];
  const hugo: BuildRun[] = [];
  const hugoDir = hugoInstalled ? hugoProject(contentDir, size) : undefined;
  for (let i = 0; i < runs; i++) {
    rmSync(cacheDirFor(contentDir), { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    console.error(`[bench] ${size}: cold build ${i + 1}/${runs}`);
    cold.push(await build(contentDir, outDir));
    console.error(`[bench] ${size}: warm build ${i + 1}/${runs}`);
    warm.push(await build(contentDir, outDir));
    // A quarterly release: 100 new entries in a new batch, built with the caches of the last build.
    const added = await generateContent(contentDir, { size: 100, start: size, release: '2027-q1' });
    console.error(`[bench] ${size}: rebuild after a 100-entry release ${i + 1}/${runs}`);
    release.push(await build(contentDir, outDir));
    for (const f of added) rmSync(f);
    console.error(`[bench] ${size}: baseline (bare Astro MDX) ${i + 1}/${runs}`);
    rmSync(join(baselineDir, 'cache'), { recursive: true, force: true });
    baseline.push(await build(contentDir, join(baselineDir, 'dist'), baselineDir, 'astro'));
    if (hugoDir) {
      console.error(`[bench] ${size}: baseline (Hugo + Pagefind CLI) ${i + 1}/${runs}`);
      hugo.push(await build(contentDir, '', hugoDir, 'hugo'));
    }
  }
  // Leave the site as the runs measured it (without the added release) for the size and search figures.
  console.error(`[bench] ${size}: rebuild without the added release`);
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
  const query = /^name: (.+)$/m.exec(
    readFileSync(
      join(
        contentDir,
        'entries',
        'yaodu',
        readdirSync(join(contentDir, 'entries', 'yaodu')).find((f) => f.endsWith('.mdx'))!,
      ),
      'utf8',
    ),
  )![1]!;
  const searches = [];
  for (let i = 0; i < searchRuns; i++) searches.push(await coldSearch(outDir, query));

  put('cold build, s', fmt(cold.map((r) => r.seconds)));
  put('baseline: bare Astro MDX, one page per entry, s', fmt(baseline.map((r) => r.seconds)));
  put(
    'cold build ÷ baseline',
    `${(median(cold.map((r) => r.seconds)) / median(baseline.map((r) => r.seconds))).toFixed(2)}×`,
  );
  if (hugo.length) {
    const fast = median(hugo.map((r) => r.seconds));
    put('baseline: Hugo + Pagefind CLI, same entries, s', fmt(hugo.map((r) => r.seconds)));
    put('cold build ÷ Hugo + Pagefind (target ≤ 4×)', `${(median(cold.map((r) => r.seconds)) / fast).toFixed(2)}×`);
    put(
      'release rebuild ÷ Hugo + Pagefind (target ≤ 2×)',
      `${(median(release.map((r) => r.seconds)) / fast).toFixed(2)}×`,
    );
    put(
      'Hugo + Pagefind peak RSS, MiB',
      fmt(
        hugo.map((r) => r.peakMiB),
        0,
      ),
    );
  }
  put('warm rebuild (nothing changed), s', fmt(warm.map((r) => r.seconds)));
  put('rebuild after a 100-entry release, s', fmt(release.map((r) => r.seconds)));
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
if (!deskOnly) {
  const photoDir = join(tmpdir(), 'honour-bench-photos');
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
console.log(`\nmedian (min–max) of ${runs} build runs and ${searchRuns} searches; machine: 2 cores, shared\n`);
for (const r of rows) console.log(`| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`);
