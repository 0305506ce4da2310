import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoute, judgePath, newToken, postRefusal, sameSecret } from './guard.ts';

describe('the token', () => {
  it('is fresh each start and compared whole', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(sameSecret(a, a)).toBe(true);
    expect(sameSecret(a.slice(0, -1), a)).toBe(false);
    expect(sameSecret(`${a}x`, a)).toBe(false);
    expect(sameSecret('', a)).toBe(false);
  });

  it('is read from the API path only', () => {
    expect(apiRoute('/api/abc/v1')).toEqual({ token: 'abc', rest: 'v1' });
    expect(apiRoute('/api//v1')).toEqual({ token: '', rest: 'v1' });
    expect(apiRoute('/api/abc/v1/extra')).toBeUndefined();
    expect(apiRoute('/x/api/abc/v1')).toBeUndefined();
  });
});

describe('postRefusal', () => {
  const headers = {
    host: '127.0.0.1:4000',
    origin: 'http://127.0.0.1:4000',
    'content-type': 'application/json; charset=utf-8',
  };
  it('lets the desk’s own page through, and nothing that differs in one header', () => {
    expect(postRefusal(headers, 4000, 't', 't')).toBeUndefined();
    expect(postRefusal({ ...headers, host: '127.0.0.1:4001' }, 4000, 't', 't')).toBeDefined();
    expect(postRefusal({ ...headers, origin: 'http://127.0.0.1:4000/' }, 4000, 't', 't')).toBeDefined();
    expect(postRefusal({ ...headers, origin: 'https://127.0.0.1:4000' }, 4000, 't', 't')).toBeDefined();
    expect(postRefusal({ ...headers, 'content-type': 'text/plain;application/json' }, 4000, 't', 't')).toBeDefined();
    expect(postRefusal(headers, 4000, 't', 'T')).toBeDefined();
    expect(postRefusal(headers, 4000, 't', undefined)).toBeDefined();
  });
});

describe('judgePath', () => {
  let root: string;
  let elsewhere: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'honour-guard-'));
    elsewhere = mkdtempSync(join(tmpdir(), 'honour-guard-elsewhere-'));
    mkdirSync(join(root, 'entries/yaodu'), { recursive: true });
    writeFileSync(join(root, 'entries/yaodu/a.mdx'), '');
    writeFileSync(join(elsewhere, 'b.mdx'), '');
    symlinkSync(elsewhere, join(root, 'entries/linked'));
    symlinkSync(join(elsewhere, 'b.mdx'), join(root, 'entries/yaodu/b.mdx'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('accepts files and folders of entries/, existing or not yet', () => {
    expect(judgePath(root, 'entries/yaodu/a.mdx')).toMatchObject({ ok: true, abs: join(root, 'entries/yaodu/a.mdx') });
    expect(judgePath(root, 'entries/newcounty/c.mdx').ok).toBe(true);
    expect(judgePath(root, 'entries/yaodu').ok).toBe(true);
  });

  it.each([
    ['..', '../x.mdx'],
    ['.. inside', 'entries/yaodu/../../../x.mdx'],
    ['absolute', '/etc/passwd'],
    ['a drive', 'C:/x.mdx'],
    ['backslashes', 'entries\\yaodu\\a.mdx'],
    ['empty part', 'entries//a.mdx'],
    ['dot part', 'entries/./a.mdx'],
    ['NUL', 'entries/a\0.mdx'],
    ['outside entries/', 'site.yaml'],
    ['through a linked folder', 'entries/linked/b.mdx'],
    ['a linked file', 'entries/yaodu/b.mdx'],
    ['not a string', 42],
  ])('refuses %s', (_what, path) => {
    expect(judgePath(root, path).ok).toBe(false);
  });
});
