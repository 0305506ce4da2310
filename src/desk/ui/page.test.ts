import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECAP_MAIN, decapDist, deskPage } from './page.ts';

const require = createRequire(import.meta.url);

describe('the desk page', () => {
  it('gives Decap the React its build was made with (another react-dom version fails with React error #527)', () => {
    const build = readFileSync(join(decapDist(), DECAP_MAIN), 'utf8');
    const bundled = /version:"(19\.\d+\.\d+)"/.exec(build)?.[1];
    expect(bundled).toMatch(/^19\./);
    expect((require('react/package.json') as { version: string }).version).toBe(bundled);
    expect((require('react-dom/package.json') as { version: string }).version).toBe(bundled);
  });

  it('loads only files the desk serves from the project: Decap’s build, its page script and the site’s style sheet', () => {
    const page = deskPage(resolve('content'));
    const assets = page.assets();
    for (const [path, file] of assets) {
      expect(path, path).toMatch(/^\/(?:desk\/)?[\w.-]+$/);
      expect(statSync(file).isFile(), file).toBe(true);
    }
    expect(assets.get(`/desk/${DECAP_MAIN}`)).toBe(join(decapDist(), DECAP_MAIN));
    expect(assets.get('/desk/site.css')).toBe(resolve('src/styles/global.css'));
    const html = page.html({ token: 'T0KEN', origin: 'http://127.0.0.1:4322' });
    const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(named).toEqual(['/config.yml', '/desk/desk.css', '/desk/desk.js', `/desk/${DECAP_MAIN}`]);
    for (const path of named.filter((p) => p !== '/config.yml')) expect(assets.has(path), path).toBe(true);
    expect(html).toContain('<meta name="desk-api" content="/api/T0KEN">');
    expect(html).toMatch(/Content-Security-Policy" content="[^"]*connect-src 'self' blob:;/);
    // The page script is bundled with React, so the desk never asks the network for it.
    expect(readFileSync(assets.get('/desk/desk.js')!, 'utf8')).toContain('window.React = ');
    expect(existsSync(join(decapDist(), '..', 'package.json'))).toBe(true);
  });
});
