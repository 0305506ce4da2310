/** What the bench measures besides build time: memory of a process tree, output sizes, a cold search in Chromium. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { routes } from '../../src/model/routes.ts';
import { launch } from '../lib/browser.ts';
import { serve } from '../lib/serve.ts';

/** Resident memory of a process and all its descendants, from /proc: the sum, and Pagefind's part. */
export function treeRssKiB(rootPid: number): { total: number; pagefind: number } {
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

/** Bytes of the photo renditions an entry page offers at one width, per format. */
export function photoBytes(dist: string, entryHtml: string, width: number): Record<string, number> {
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

export function dirStats(dir: string): { bytes: number; files: number } {
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
export function pageTransfer(dist: string, file: string): number {
  const html = readFileSync(join(dist, file), 'utf8');
  let bytes = gzipSync(html).length;
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    bytes += gzipSync(readFileSync(join(dist, m[1]!))).length;
  }
  return bytes;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The median (min–max) of several figures; one figure as it is; none (a baseline left out) as a dash. */
export const fmt = (xs: number[], digits = 1) =>
  xs.length > 1
    ? `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`
    : (xs[0]?.toFixed(digits) ?? '—');

export interface SearchCost {
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

export async function coldSearch(dist: string, query: string): Promise<SearchCost> {
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
