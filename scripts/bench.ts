/**
 * npm run bench [-- --sizes 1000,10000 --runs 3]
 *
 * Generates synthetic content outside the repository at each size, builds it
 * through HONOUR_CONTENT_DIR exactly as a release builder would, and prints
 * medians (and min–max) of several runs, all measured side by side in one run:
 * cold and warm build time, peak RSS of the whole process tree, output size,
 * Pagefind index size and time, page transfer sizes, and what a cold name
 * search costs in Chromium. Figures, not pass/fail: see docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateContent } from './bench/generate.ts';
import { launch } from '../tests/helpers/browser.ts';
import { serve } from '../tests/helpers/serve.ts';
import { projectTmp } from '../tests/helpers/tmp.ts';

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
  /** Processing photos. */
  images: number;
}

const seconds = (hms: string) => {
  const [h, m, s] = hms.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
};

/** Where a build's time went, read from Astro's own log lines. */
function phases(log: string): Phases {
  const at = (re: RegExp) => {
    const m = re.exec(log);
    return m ? seconds(m[1]!) : NaN;
  };
  const after = (marker: string) => {
    const i = log.indexOf(marker);
    const m = i < 0 ? null : /Completed in ([\d.]+)(ms|s)/.exec(log.slice(i));
    return m ? Number(m[1]) / (m[2] === 'ms' ? 1000 : 1) : NaN;
  };
  const bundle = /\[vite\] ✓ built in ([\d.]+)(ms|s)/.exec(log);
  return {
    sync: at(/(\d\d:\d\d:\d\d) \[types\] Generated/) - at(/(\d\d:\d\d:\d\d) \[content\] Syncing content/),
    bundle: bundle ? Number(bundle[1]) / (bundle[2] === 'ms' ? 1000 : 1) : NaN,
    pages: after('generating static routes'),
    images: after('generating optimized images'),
  };
}

/** Sum of the resident memory of a process and all its descendants, from /proc. */
function treeRssKiB(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* the process ended while we looked */
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function cacheDirFor(contentDir: string): string {
  return resolve(`node_modules/.astro-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)}`);
}

async function build(contentDir: string, outDir: string): Promise<BuildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    env: { ...process.env, HONOUR_CONTENT_DIR: contentDir, NO_COLOR: '1' },
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
  }, 100);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(sampler);
  const pagefind = /搜索索引：.*用时 ([\d.]+) 秒/.exec(log);
  return {
    seconds: (performance.now() - started) / 1000,
    peakMiB: peak / 1024,
    pagefindSeconds: pagefind ? Number(pagefind[1]) : NaN,
    phases: phases(log),
    ok: code === 0,
    log,
  };
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

async function coldSearch(dist: string, query: string): Promise<{ ms: number; pagefindKiB: number; totalKiB: number }> {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(
      () =>
        document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
        document.querySelectorAll('#search-results li').length > 0,
    );
    const ms = Date.now() - started;
    await context.close();
    const pagefind = server.requests.filter((r) => r.path.startsWith('/pagefind/'));
    return {
      ms,
      pagefindKiB: pagefind.reduce((n, r) => n + r.bytes, 0) / 1024,
      totalKiB: server.requests.reduce((n, r) => n + r.bytes, 0) / 1024,
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

for (const size of sizes) {
  column.push(`${size} entries`);
  const contentDir = join(tmpdir(), `honour-bench-${size}`);
  // Inside the project, so Astro keeps this build's prerender chunks apart (tests/helpers/tmp.ts).
  const outDir = join(projectTmp(`bench-${size}-`), 'dist');
  console.error(`[bench] generating ${size} entries in ${contentDir}`);
  await generateContent(contentDir, { size });

  const cold: BuildRun[] = [];
  const warm: BuildRun[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(cacheDirFor(contentDir), { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    console.error(`[bench] ${size}: cold build ${i + 1}/${runs}`);
    cold.push(await build(contentDir, outDir));
    console.error(`[bench] ${size}: warm build ${i + 1}/${runs}`);
    warm.push(await build(contentDir, outDir));
  }
  const failed = [...cold, ...warm].find((r) => !r.ok);
  if (failed) throw new Error(`build failed at ${size} entries:\n${failed.log.slice(-3000)}`);

  const dist = dirStats(outDir);
  const pagefind = dirStats(join(outDir, 'pagefind'));
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
  put('warm rebuild (nothing changed), s', fmt(warm.map((r) => r.seconds)));
  put(
    'peak RSS, whole build, MiB',
    fmt(
      cold.map((r) => r.peakMiB),
      0,
    ),
  );
  put('  of which content sync + types, s', fmt(cold.map((r) => r.phases.sync)));
  put('  of which bundling (Vite/Rolldown), s', fmt(cold.map((r) => r.phases.bundle)));
  put('  of which page generation, s', fmt(cold.map((r) => r.phases.pages)));
  put('  of which photos, s', fmt(cold.map((r) => r.phases.images)));
  put('  of which Pagefind indexing, s', fmt(cold.map((r) => r.pagefindSeconds)));
  put('dist size, MiB / files', `${(dist.bytes / 2 ** 20).toFixed(1)} / ${dist.files}`);
  put('Pagefind index, MiB / files', `${(pagefind.bytes / 2 ** 20).toFixed(1)} / ${pagefind.files}`);
  put('entry page, gzip HTML+CSS, KiB (median)', median(entryKiB).toFixed(1));
  put('roll page, gzip HTML+CSS, KiB (median)', median(rollKiB).toFixed(1));
  put(
    `cold name search “${query}”: first results, ms`,
    fmt(
      searches.map((s) => s.ms),
      0,
    ),
  );
  put(
    'cold name search: Pagefind bytes, KiB',
    fmt(
      searches.map((s) => s.pagefindKiB),
      0,
    ),
  );
  put(
    'cold name search: all bytes incl. page, KiB',
    fmt(
      searches.map((s) => s.totalKiB),
      0,
    ),
  );
}

rows.push(['metric', ...column]);
for (const [metric, vals] of table) rows.push([metric, ...vals]);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
console.log(`\nmedian (min–max) of ${runs} build runs and ${searchRuns} searches; machine: 2 cores, shared\n`);
for (const r of rows) console.log(`| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`);
