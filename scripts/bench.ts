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
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateContent } from './bench/generate.ts';
import { launch } from './lib/browser.ts';
import { serve } from './lib/serve.ts';
import { routes } from '../src/model/routes.ts';
import { projectTmp } from './lib/tmp.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    'search-runs': { type: 'string', default: '5' },
  },
});
const sizes = values.sizes.split(',').map(Number);
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

interface Phases {
  /** Content layer sync and type generation (from Astro's log timestamps, 1 s resolution). */
  sync: number;
  /** Vite/Rolldown bundling of pages and MDX modules. */
  bundle: number;
  /** Rendering every page to HTML. */
  pages: number;
  /** Making the photo renditions (the photo step of the gate step). */
  images: number;
}

const seconds = (hms: string) => {
  const [h, m, s] = hms.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
};

/** The photo step's own line (src/publish/gate-site.ts): renditions made, linked from the cache, seconds. */
function photoStep(log: string): { made: number; reused: number; seconds: number } {
  const m = /照片：生成 (\d+) 个，沿用 (\d+) 个（用时 ([\d.]+) 秒）/.exec(log);
  return m
    ? { made: Number(m[1]), reused: Number(m[2]), seconds: Number(m[3]) }
    : { made: NaN, reused: NaN, seconds: NaN };
}

/** Where a build's time went, read from Astro's own log lines and the photo step's. */
function phases(log: string): Phases {
  const at = (re: RegExp) => {
    const m = re.exec(log);
    return m ? seconds(m[1]!) : NaN;
  };
  // Astro writes durations as 450ms, 42.88s or 1m 3s.
  const duration = (m: RegExpExecArray | null) =>
    m ? (m[1] ? Number(m[1]) * 60 : 0) + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1) : NaN;
  const after = (marker: string) => {
    const i = log.indexOf(marker);
    return i < 0 ? NaN : duration(/Completed in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(log.slice(i)));
  };
  const bundle = duration(/\[vite\] ✓ built in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(log));
  return {
    sync: at(/(\d\d:\d\d:\d\d) \[types\] Generated/) - at(/(\d\d:\d\d:\d\d) \[content\] Syncing content/),
    bundle,
    pages: after('generating static routes'),
    images: photoStep(log).seconds,
  };
}

/** Resident memory of a process and all its descendants, from /proc: the sum, and Pagefind's part. */
function treeRssKiB(rootPid: number): { total: number; pagefind: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const pagefindPids = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      if (/^Name:\s+pagefind/m.test(status)) pagefindPids.add(Number(name));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* the process ended while we looked */
    }
  }
  let total = 0;
  let pagefind = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    if (pagefindPids.has(pid)) pagefind += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, pagefind };
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

/**
 * The naive pattern, for comparison: a bare Astro project with the MDX integration, the same
 * entry files through glob(), and one page per entry rendering its MDX. No rolls, photos or search.
 */
function baselineProject(contentDir: string, size: number): string {
  const dir = join(tmpdir(), `honour-baseline-${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    // Its own cache folder: node_modules is the project's (a symlink), and so would be node_modules/.astro.
    `import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()], cacheDir: './cache', devToolbar: { enabled: false } };\n`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(join(contentDir, 'entries'))} }),
    schema: z.looseObject({ name: z.string(), summary: z.string() }),
  }),
};
`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('entries')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.data.name}</title></head>
<body><h1>{entry.data.name}</h1><p>{entry.data.summary}</p><Content /></body></html>
`,
  );
  return dir;
}

/**
 * The fast static baseline: Hugo renders the same entry files (their front matter and Markdown,
 * one page per entry in a minimal layout with a data-pagefind-body article), then the Pagefind
 * CLI indexes every page. Timed and sampled as one command, as our build is.
 */
function hugoProject(contentDir: string, size: number): string {
  const dir = join(tmpdir(), `honour-hugo-${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
  mkdirSync(join(dir, 'content'), { recursive: true });
  for (const county of readdirSync(join(contentDir, 'entries'))) {
    const from = join(contentDir, 'entries', county);
    if (!statSync(from).isDirectory()) continue;
    mkdirSync(join(dir, 'content', county));
    for (const f of readdirSync(from))
      if (f.endsWith('.mdx'))
        writeFileSync(join(dir, 'content', county, f.replace(/\.mdx$/, '.md')), readFileSync(join(from, f)));
  }
  writeFileSync(
    join(dir, 'config.toml'),
    'baseURL = "https://example.org/"\nlanguageCode = "zh-CN"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
  );
  writeFileSync(
    join(dir, 'layouts', '_default', 'single.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Params.name }}</title></head>' +
      '<body><article data-pagefind-body><h1>{{ .Params.name }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</article></body></html>\n',
  );
  writeFileSync(
    join(dir, 'layouts', '_default', 'list.html'),
    '<!doctype html><html lang="zh-CN"><body></body></html>\n',
  );
  writeFileSync(
    join(dir, 'build.sh'),
    `set -e\nrm -rf public\nhugo --quiet -d public\n${JSON.stringify(resolve('node_modules/.bin/pagefind'))} --site public --quiet\n`,
  );
  return dir;
}

const hugoInstalled = spawnSync('hugo', ['version']).status === 0;

/** Bytes of the photo renditions an entry page offers at one width, per format. */
function photoBytes(dist: string, entryHtml: string, width: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of entryHtml.matchAll(/<source srcset="([^"]+)" type="image\/(\w+)"/g)) {
    const file = m[1]!
      .split(', ')
      .map((c) => c.split(' '))
      .find(([, w]) => w === `${width}w`)?.[0];
    if (file) out[m[2]!] = statSync(join(dist, file)).size;
  }
  return out;
}

function dirStats(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) {
      bytes += s.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** HTML plus linked stylesheets, gzipped, as a phone downloads them (photos and scripts excluded). */
function pageTransfer(dist: string, file: string): number {
  const html = readFileSync(join(dist, file), 'utf8');
  let bytes = gzipSync(html).length;
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    bytes += gzipSync(readFileSync(join(dist, m[1]!))).length;
  }
  return bytes;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const fmt = (xs: number[], digits = 1) =>
  xs.length > 1
    ? `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`
    : xs[0]!.toFixed(digits);

interface SearchCost {
  /** Until the first results are on screen (the names table and the page's scripts only). */
  ms: number;
  firstKiB: number;
  /** Until the complete answer (story indexes merged) replaced them. */
  completeMs: number;
  completeKiB: number;
  totalKiB: number;
  /** Bytes to the first results by kind: the names table's index and file, the page's scripts. */
  parts: Record<string, number>;
}

async function coldSearch(dist: string, query: string): Promise<SearchCost> {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    const ms = Date.now() - started;
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
    const completeMs = Date.now() - started;
    await context.close();
    // The first results come from the names table alone (and the page's scripts, which were not
    // counted while the names index was Pagefind's); the story indexes only complete them.
    const first = server.requests.filter(
      (r) => r.path.startsWith(routes.namesTable) || (r.path.startsWith(routes.assets) && r.path.endsWith('.js')),
    );
    const stories = server.requests.filter((r) => r.path.startsWith(routes.storyIndexes));
    const parts: Record<string, number> = {};
    for (const r of first) {
      const kind = r.path.endsWith('/index.json') ? 'table index' : r.path.endsWith('.json') ? 'table file' : 'script';
      parts[kind] = (parts[kind] ?? 0) + r.transfer / 1024;
    }
    return {
      parts,
      ms,
      firstKiB: first.reduce((n, r) => n + r.transfer, 0) / 1024,
      completeMs,
      completeKiB: [...first, ...stories].reduce((n, r) => n + r.transfer, 0) / 1024,
      totalKiB: server.requests.reduce((n, r) => n + r.transfer, 0) / 1024,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

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

// Photos: every photo entry of the main runs shares one of ten source files, and the photo step
// makes the renditions of each distinct file once, so their photo phase is small. What a new photo costs, measured apart:
// 50 entries with 10 distinct 4,000 × 3,000 photos, built with an empty cache and again with it kept.
{
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

rows.push(['metric', ...column]);
for (const [metric, vals] of table) rows.push([metric, ...vals]);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => Array.from(r[c] ?? '').length)));
console.log(`\nmedian (min–max) of ${runs} build runs and ${searchRuns} searches; machine: 2 cores, shared\n`);
for (const r of rows) console.log(`| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`);
