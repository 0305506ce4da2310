/**
 * The typed wrapper against the real thing: two tiny Pagefind indexes built with
 * the installed pagefind package, and the wrapper (this folder's pagefind.ts,
 * compiled) driving their pagefind.js in Chromium.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { close, createIndex } from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../tests/helpers/browser.ts';
import { serve, type StaticServer } from '../../tests/helpers/serve.ts';
import { projectTmp } from '../../tests/helpers/tmp.ts';
import type { PagefindAnswer, PagefindFragment } from './pagefind.ts';

interface Meta {
  title: string;
  region?: string;
  image?: string;
}

/** An entry page as the site writes one: zh-CN, an indexed body, filters and metadata. */
const entryPage = (name: string, region: string, kind: string, story: string, image = '') => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title></head><body>
<article data-pagefind-body>
  <h1>${name}</h1>
  <p data-pagefind-filter="region">${region}</p><p data-pagefind-filter="kind">${kind}</p>
  <p data-pagefind-meta="region">${region}</p>${image && `<img data-pagefind-meta="image[src]" src="${image}" alt="">`}
  <p>${story}</p>
</article></body></html>`;

const SITES = {
  a: {
    'people/zeng-xiaohong/index.html': entryPage(
      '曾小红',
      '尧都区',
      '个人',
      '她照顾孤寡老人二十年，风雨无阻。',
      '/_astro/zeng.webp',
    ),
    'people/wang-jianguo/index.html': entryPage('王建国', '洪洞县', '个人', '他在汛期连夜转移群众。'),
    'people/hongtong-team/index.html': entryPage('洪洞志愿服务队', '洪洞县', '集体', '队员们照顾留守老人。'),
  },
  b: {
    'people/li-guiying/index.html': entryPage('李桂英', '霍州市', '个人', '她照顾瘫痪的婆婆三十年。'),
  },
};

let dir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = projectTmp('pagefind-client-');
  for (const [site, pages] of Object.entries(SITES)) {
    // Each index reads its own folder of pages, and is written where the site keeps its story indexes.
    for (const [path, html] of Object.entries(pages)) {
      mkdirSync(dirname(join(dir, 'pages', site, path)), { recursive: true });
      writeFileSync(join(dir, 'pages', site, path), html);
    }
    const { index, errors } = await createIndex();
    if (!index) throw new Error(errors.join('\n'));
    expect((await index.addDirectory({ path: join(dir, 'pages', site) })).errors).toEqual([]);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind-stories', site) });
    expect(written.errors).toEqual([]);
  }
  await close();
  writeFileSync(
    join(dir, 'pagefind-client.js'),
    ts.transpileModule(readFileSync(new URL('pagefind.ts', import.meta.url), 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText,
  );
  // Not Pagefind: a module without its functions.
  mkdirSync(join(dir, 'not-pagefind'));
  writeFileSync(join(dir, 'not-pagefind', 'pagefind.js'), 'export const search = async () => null;');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>t</title></html>');
  writeFileSync(join(dir, '404.html'), 'not found');
  server = await serve(dir);
  browser = await launch();
  page = await browser.newPage();
  await page.goto(`${server.url}/index.html`);
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `body` in the page with `loadPagefind` imported from the wrapper and `pagefind`, the
 * first index's instance, loaded (a string: vitest would rewrite a function's dynamic import).
 */
function inPage<T>(body: string): Promise<T> {
  return page.evaluate<T>(`(async () => {
    const { loadPagefind } = await import('/pagefind-client.js');
    const pagefind = await loadPagefind('/pagefind-stories/a/');
    ${body}
  })()`);
}

type Answer = Omit<PagefindAnswer<Meta>, 'results'> & { data: Array<PagefindFragment<Meta>> };

/** An answer with its results' data, as JSON. */
const answered = (call: string) => `
  const answer = await ${call};
  if (!answer) return null;
  const data = await Promise.all(answer.results.map((r) => r.data()));
  return { ...answer, results: undefined, data };`;

describe("the typed wrapper of Pagefind's browser API, against a real bundle", () => {
  it('searches words, and gives each result its URL, metadata and filters', async () => {
    const found = await inPage<Answer>(answered(`pagefind.search('曾小红')`));
    expect(found.data.map((d) => d.url)).toEqual(['/people/zeng-xiaohong/']);
    const [zeng] = found.data;
    expect(zeng?.meta).toMatchObject({ title: '曾小红', region: '尧都区', image: '/_astro/zeng.webp' });
    expect(zeng?.filters).toEqual({ region: ['尧都区'], kind: ['个人'] });
    expect(zeng?.excerpt).toContain('<mark>');
    expect(found.unfilteredResultCount).toBe(1);
  });

  it('searches by filters alone, and counts values within the results and for the words without the filters', async () => {
    // Pagefind counts values only once its filter files are loaded, as the search page does first.
    const [alone, both] = await inPage<[Answer, Answer]>(`
      await pagefind.filters();
      const hongtong = { filters: { region: { any: ['洪洞县'] } } };
      const alone = await (async () => { ${answered('pagefind.search(null, hongtong)')} })();
      const both = await (async () => { ${answered(`pagefind.search('照顾', hongtong)`)} })();
      return [alone, both];`);
    expect(alone.data.map((d) => d.meta.title).sort()).toEqual(['洪洞志愿服务队', '王建国']);
    expect(alone.filters.kind).toEqual({ 个人: 1, 集体: 1 });
    expect(both.data.map((d) => d.meta.title)).toEqual(['洪洞志愿服务队']);
    expect(both.filters.kind).toEqual({ 个人: 0, 集体: 1 });
    expect(both.totalFilters.region).toEqual({ 尧都区: 1, 洪洞县: 1 });
    expect(both.unfilteredResultCount).toBe(2);
  });

  it('counts every filter value over the index', async () => {
    expect(await inPage('return pagefind.filters();')).toEqual({
      region: { 尧都区: 1, 洪洞县: 2 },
      kind: { 个人: 2, 集体: 1 },
    });
  });

  it('answers only the last of quick debounced searches', async () => {
    const [first, last] = await inPage<[unknown, Answer]>(`
      const first = pagefind.debouncedSearch('王建国', {}, 50);
      const last = pagefind.debouncedSearch('照顾', {}, 50);
      return [await first, await (async () => { ${answered('last')} })()];`);
    expect(first).toBeNull();
    expect(last.data.map((d) => d.meta.title).sort()).toEqual(['曾小红', '洪洞志愿服务队']);
  });

  it('merges a second index into the searches', async () => {
    const found = await inPage<Answer>(`
      await pagefind.mergeIndex('/pagefind-stories/b/');
      ${answered(`pagefind.search('照顾')`)}`);
    expect(found.data.map((d) => d.meta.title).sort()).toEqual(['曾小红', '李桂英', '洪洞志愿服务队']);
  });

  it('refuses a bundle that is missing or is not Pagefind', async () => {
    const refusals = await page.evaluate(`(async () => {
      const { loadPagefind } = await import('/pagefind-client.js');
      const refusal = (bundle) => loadPagefind(bundle).then(() => 'loaded', (e) => String(e));
      return [await refusal('/nowhere/'), await refusal('/not-pagefind/')];
    })()`);
    expect(refusals).toEqual([
      expect.stringContaining('/nowhere/pagefind.js'),
      expect.stringMatching(/not Pagefind's browser API: no options, init, mergeIndex, debouncedSearch/),
    ]);
  });
});
