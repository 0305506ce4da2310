/**
 * The built sample served by real nginx (Debian's nginx-light) with the site's own
 * `_nginx.conf` included in a bare server block, on 127.0.0.1 and a free port:
 * headers on pages and assets, caching, the 404, former-slug 301s, Pagefind's types,
 * gzip, the host files kept private, and `nginx -t`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NGINX, httpGet as get, startNginx } from './helpers/nginx.ts';
import { freePort } from './helpers/port.ts';
import { routes } from '../src/model/routes.ts';
import { SECURITY_HEADERS } from '../src/publish/security.ts';

let port = 0;
let server: Awaited<ReturnType<typeof startNginx>> | undefined;
let conf = '';
let dist = '';

// The site as docs/deploy.md tells an office to serve it: a bare server block that includes the snippet.
beforeAll(async () => {
  dist = inject('sampleDist');
  port = await freePort();
  server = await startNginx([{ port, root: dist }]);
  conf = server.conf;
});

afterAll(() => {
  server?.stop();
});

describe('the built site on real nginx', () => {
  it('passes nginx -t with the snippet included in a bare server block', () => {
    const test = spawnSync(NGINX, ['-t', '-p', join(conf, '..'), '-c', conf], { encoding: 'utf8' });
    expect(test.stderr).toContain('syntax is ok');
    expect(test.status).toBe(0);
  });

  it('sends the security headers and short caching on a page, and a year of immutable caching on an asset', async () => {
    const page = await get(port, routes.entry('he-shuzhen-huozhou'));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const [name, value] of SECURITY_HEADERS) expect(page.headers[name.toLowerCase()], name).toBe(value);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('public, max-age=300');

    const css = readdirSync(join(dist, '_astro')).find((f) => f.endsWith('.css'));
    const asset = await get(port, `${routes.assets}${css ?? ''}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const [name, value] of SECURITY_HEADERS) expect(asset.headers[name.toLowerCase()], name).toBe(value);
  });

  it('answers a missing page with the site’s 404 page and status 404, headers included', async () => {
    const missing = await get(port, '/people/no-such-person/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('页面没有找到');
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('redirects a former slug with a real 301 to the entry, with or without the final slash', async () => {
    for (const path of ['/people/ou-yangming-xiangfen/', '/people/ou-yangming-xiangfen']) {
      const moved = await get(port, path);
      expect(moved.status, path).toBe(301);
      expect(moved.headers.location, path).toBe(routes.entry('ouyang-ming-xiangfen'));
    }
  });

  it('serves Pagefind’s files with their types and caching, and the names table as JSON', async () => {
    const [shard = ''] = JSON.parse(readFileSync(join(dist, 'pagefind-stories/shards.json'), 'utf8')) as string[];
    const index = routes.storyIndex(shard);
    const entry = await get(port, `${index}pagefind-entry.json`);
    expect(entry.status).toBe(200);
    expect(entry.headers['content-type']).toBe('application/json');
    expect(entry.headers['cache-control']).toBe('public, max-age=3600');
    const js = await get(port, `${index}pagefind.js`);
    expect(js.headers['content-type']).toBe('text/javascript');
    const files = readdirSync(join(dist, index));
    const wasm = files.find((f) => f.startsWith('wasm.') && f.endsWith('.pagefind'));
    const meta = files.find((f) => f.endsWith('.pf_meta'));
    for (const f of [wasm, meta]) {
      const r = await get(port, `${index}${f ?? ''}`);
      expect(r.status, f).toBe(200);
      expect(r.headers['content-type'], f).toBe('application/octet-stream');
      // Already compressed by Pagefind: nginx must not wrap it again.
      expect(r.headers['content-encoding'], f).toBeUndefined();
    }
    const names = await get(port, `${routes.namesTable}index.json`);
    expect(names.status).toBe(200);
    expect(names.headers['content-type']).toBe('application/json');
    expect(names.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('compresses pages, styles and scripts for browsers that accept gzip', async () => {
    const page = await get(port, routes.home, { 'accept-encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    const css = readdirSync(join(dist, '_astro')).find((f) => f.endsWith('.css'));
    const style = await get(port, `${routes.assets}${css ?? ''}`, { 'accept-encoding': 'gzip' });
    expect(style.headers['content-encoding']).toBe('gzip');
    expect(style.headers.vary).toContain('Accept-Encoding');
  });

  it('never serves the host files', async () => {
    for (const file of routes.hostFiles) {
      const r = await get(port, file);
      expect(r.status, file).toBe(404);
      expect(r.body.toString(), file).not.toContain('add_header');
    }
  });
});
