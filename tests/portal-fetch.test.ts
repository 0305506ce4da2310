/**
 * `npm run portal:fetch` as an operator runs it: a member's data downloaded
 * from a real (local) server and stored, and a download interrupted with
 * Ctrl-C halfway through leaving the stored data exactly as it was.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './helpers/build.ts';
import { MINI } from './helpers/fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'portal-fetch-cmd-'));
const data = JSON.stringify({ records: [{ id: 'x', url: 'http://127.0.0.1/people/x/', status: 'withdrawn' }] });
let server: Server;
let port = 0;
/** Set when the slow member's download has begun (its first half is sent). */
let halfSent: () => void = () => undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/fast/data/entries.json') res.end(data);
    else if (req.url === '/slow/data/entries.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(data.length * 2) });
      res.write(data.slice(0, 20));
      halfSent();
      // …and the rest never comes.
    } else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
  const site = readFileSync(join(MINI, 'site.yaml'), 'utf8');
  const member = (id: string) =>
    `    - { id: ${id}, name: ${id === 'fast' ? '甲市' : '乙市'}, url: "http://127.0.0.1:${port}/${id}/", data: members/${id}.json }`;
  writeFileSync(join(root, 'site.yaml'), `${site.trimEnd()}\n  members:\n${member('fast')}\n${member('slow')}\n`);
  mkdirSync(join(root, 'members'));
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run portal:fetch', () => {
  it('stores a member it could download and leaves the stored data when interrupted halfway', async () => {
    writeFileSync(join(root, 'members', 'slow.json'), 'the data stored last time');
    const started = new Promise<void>((done) => (halfSent = done));
    const child = spawn(process.execPath, [resolve('scripts/portal-fetch.ts')], {
      env: { ...process.env, HONOUR_CONTENT_DIR: root, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    await started;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.once('close', done));
    expect(code).toBe(130);
    expect(output).toContain('成员“甲市”：1 条记录，已存到 members/fast.json');
    expect(output).toContain('下载已中断：已存的数据没有改动。');
    expect(readFileSync(join(root, 'members', 'fast.json'), 'utf8')).toBe(data);
    expect(readFileSync(join(root, 'members', 'slow.json'), 'utf8')).toBe('the data stored last time');
    expect(readdirSync(join(root, 'members')).sort()).toEqual(['fast.json', 'slow.json']);
  });

  it('says in Chinese what a content root without members needs', async () => {
    const r = await runNode([resolve('scripts/portal-fetch.ts')], { HONOUR_CONTENT_DIR: MINI });
    expect(r.status).toBe(1);
    expect(r.output).toContain('site.yaml 没有 members');
  });
});
