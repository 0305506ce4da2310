import { describe, expect, it } from 'vitest';
import { nginxConf, quoted } from './nginx.ts';
import { SECURITY_HEADERS, cspOf, headersFile } from './security.ts';
import { routes } from '../model/routes.ts';

const moved = [{ from: routes.entry('ou-yangming-xiangfen'), to: routes.entry('ouyang-ming-xiangfen') }];

/** The directives of each location block, by its match. */
function locations(conf: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of conf.matchAll(/^location ([^{]+)\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/gm))
    out.set((m[1] ?? '').trim(), m[2] ?? '');
  return out;
}

describe('the nginx snippet', () => {
  it('repeats every security header in every location that sets headers of its own', () => {
    const conf = nginxConf(moved);
    const blocks = [...locations(conf)].filter(([, body]) => body.includes('add_header'));
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const [match, body] of blocks)
      for (const [name] of SECURITY_HEADERS) expect(body, `${match} ${name}`).toContain(`add_header ${name} `);
  });

  it('caches hashed assets for a year, search indexes for an hour and pages for minutes', () => {
    const l = locations(nginxConf([]));
    expect(l.get(`^~ ${routes.assets}`)).toContain('Cache-Control "public, max-age=31536000, immutable" always');
    expect(l.get(`^~ ${routes.namesTable}`)).toContain('max-age=3600');
    expect(l.get(`^~ ${routes.storyIndexes}`)).toContain('application/wasm wasm');
    expect(l.get('/')).toContain('max-age=300');
  });

  it('redirects each former slug, with or without its final slash, and hides the host files', () => {
    const l = locations(nginxConf(moved));
    expect(l.get('= /people/ou-yangming-xiangfen/')).toContain('return 301 /people/ouyang-ming-xiangfen/;');
    expect(l.get('= /people/ou-yangming-xiangfen')).toContain('return 301 /people/ouyang-ming-xiangfen/;');
    for (const file of routes.hostFiles) expect(l.get(`= ${file}`)).toContain('return 404;');
  });

  it('refuses a path that could break out of its directive, and escapes header values', () => {
    expect(() => nginxConf([{ from: '/people/x/; return 200 "owned"', to: '/' }])).toThrow(/unsafe path/);
    expect(() => nginxConf([{ from: '/people/a b/', to: '/' }])).toThrow(/unsafe path/);
    // A header value can never end its string early or name an nginx variable.
    expect(quoted('a "b" $host \\')).toBe('"a \\"b\\" \\$host \\\\"');
  });

  it("shares a portal's names table with exactly its members' origins, and lets a city's pages fetch from its portal", () => {
    const portal = { members: [{ url: 'https://hrb.a.example.cn/' }, { url: 'http://127.0.0.1:8081/x/' }] };
    const names = locations(nginxConf([], portal)).get(`^~ ${routes.namesTable}`) ?? '';
    expect(names).toContain('if ($http_origin = "http://127.0.0.1:8081") { set $honour_cors $http_origin; }');
    expect(names).toContain('if ($http_origin = "https://hrb.a.example.cn") { set $honour_cors $http_origin; }');
    expect(names).toContain('add_header Access-Control-Allow-Origin $honour_cors always;');
    expect(locations(nginxConf([])).get(`^~ ${routes.namesTable}`)).not.toContain('Access-Control');
    expect(locations(nginxConf([], portal)).get(`^~ ${routes.storyIndexes}`)).not.toContain('Access-Control');
    const city = { portal: 'https://hrb.shanxi.example.cn/search/' };
    expect(cspOf(city)).toContain("connect-src 'self' https://hrb.shanxi.example.cn;");
    expect(cspOf({})).toContain("connect-src 'self';");
    expect(nginxConf([], city)).toContain("connect-src 'self' https://hrb.shanxi.example.cn;");
    expect(headersFile(city)).toContain("connect-src 'self' https://hrb.shanxi.example.cn;");
    expect(headersFile({ members: [{ url: 'https://hrb.a.example.cn/' }] })).toContain(
      `${routes.namesTable}*\n  Cache-Control: public, max-age=3600\n  Access-Control-Allow-Origin: https://hrb.a.example.cn`,
    );
  });
});
