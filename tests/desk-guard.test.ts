/**
 * The desk refuses every request that is not its own page speaking, and writes nothing for it:
 * requests are forged with node:http (fetch will not send another Host) against a running desk
 * over a temporary repository, each refused request being a good save in every other respect,
 * so only the one thing forged can be why it is refused.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesk, type Desk } from '../src/desk/server.ts';
import { deskRoot, decapRaw, type DeskRoot } from './helpers/desk-root.ts';

const ENTRY = 'entries/yaodu/zhang-jianguo-yaodu.mdx';

/** A stand-in for desk-ui's page: the server only serves what it gives. */
const PAGE = {
  html: ({ token }: { token: string }) => `<!doctype html><title>编辑台</title><meta name="t" content="${token}">`,
  config: ({ token, origin }: { token: string; origin: string }) =>
    `backend:\n  name: proxy\n  proxy_url: ${origin}/api/${token}/v1\n`,
  assets: () => new Map<string, string>(),
};

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with exactly these headers (a Host of our choosing). */
function send(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('desk guard', () => {
  let r: DeskRoot;
  let desk: Desk;
  let port: number;
  let outside: string;
  let raw: string;
  const replies: Reply[] = [];

  beforeAll(async () => {
    r = deskRoot();
    outside = mkdtempSync(join(tmpdir(), 'honour-desk-outside-'));
    mkdirSync(join(outside, 'yaodu'));
    // A folder of the root that is a link to a folder elsewhere.
    symlinkSync(join(outside, 'yaodu'), join(r.root, 'entries', 'linked'));
    r.git('add', '-A');
    r.git('commit', '-qm', 'link');
    desk = await startDesk({ root: r.root, port: 0, page: PAGE });
    port = Number(new URL(desk.url).port);
    raw = decapRaw(readFileSync(join(r.root, ENTRY), 'utf8'), (d) => {
      d.summary = '扎根社区卫生服务站三十年，为行动不便的老人上门问诊上万次，从不收礼。';
    });
  });
  afterAll(async () => {
    await desk.close();
    r.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  const good = () => ({
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    'content-type': 'application/json; charset=utf-8',
  });
  const save = (path = ENTRY) =>
    JSON.stringify({
      branch: 'main',
      action: 'persistEntry',
      params: {
        branch: 'main',
        dataFiles: [{ slug: 'x', path, raw }],
        assets: [],
        options: { commitMessage: 'x', useWorkflow: false, status: '' },
      },
    });

  /** Sends a save forged in one respect and expects 403 with nothing written and no commit. */
  const refused = async (headers: Record<string, string>, path = `/api/${desk.token}/v1`, body = save()) => {
    const files = r.snapshot();
    const commits = r.commits();
    const reply = await send(port, 'POST', path, headers, body);
    replies.push(reply);
    expect(reply.status, reply.body).toBe(403);
    expect(r.snapshot()).toEqual(files);
    expect(r.commits()).toBe(commits);
    expect(readFileSync(join(r.root, ENTRY), 'utf8')).not.toContain('从不收礼');
    return reply;
  };

  it('a foreign Origin', () => refused({ ...good(), origin: 'http://evil.example' }));
  it('Origin: null', () => refused({ ...good(), origin: 'null' }));
  it('no Origin', () => {
    const { origin: _o, ...rest } = good();
    return refused(rest);
  });
  it('a wrong Host (DNS rebinding)', () => refused({ ...good(), host: `evil.example:${port}` }));
  it('localhost instead of 127.0.0.1', () => refused({ ...good(), host: `localhost:${port}` }));
  it('no token', () => refused(good(), '/api//v1'));
  it('no token segment at all', () => refused(good(), '/api/v1'));
  it('a wrong token', () => {
    // One character changed (never to the character it was).
    const other = desk.token.endsWith('A') ? 'B' : 'A';
    return refused(good(), `/api/${desk.token.slice(0, -1)}${other}/v1`);
  });
  it('a token of another length', () => refused(good(), `/api/${desk.token}x/v1`));
  it('not JSON (a plain form)', () => refused({ ...good(), 'content-type': 'text/plain' }));
  it('a form post', () => refused({ ...good(), 'content-type': 'application/x-www-form-urlencoded' }));
  it('a path outside the root', () => refused(good(), undefined, save('entries/../../outside.mdx')));
  it('an absolute path', () => refused(good(), undefined, save('/etc/honour.mdx')));
  it('a path outside entries/', () => refused(good(), undefined, save('site.mdx')));
  it('a path through a symlink', async () => {
    await refused(good(), undefined, save('entries/linked/zhang-jianguo-linked.mdx'));
    expect(readFileSync(join(r.root, ENTRY), 'utf8')).not.toContain('从不收礼');
  });
  it('a read through a symlink or outside the root', async () => {
    for (const path of ['entries/linked/x.mdx', '../etc/passwd', 'entries/../../x'])
      await refused(good(), undefined, JSON.stringify({ action: 'getEntry', params: { branch: 'main', path } }));
  });
  it('a preflight', async () => {
    const reply = await send(port, 'OPTIONS', `/api/${desk.token}/v1`, {
      ...good(),
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
    });
    replies.push(reply);
    expect(reply.status).toBe(403);
  });
  it('the configuration asked for under another Host', async () => {
    const reply = await send(port, 'GET', '/config.yml', { host: `evil.example:${port}` });
    replies.push(reply);
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain(desk.token);
  });

  it('a body over the limit gets its 413 message, not a cut connection, and writes nothing', async () => {
    const files = r.snapshot();
    // A save of 34 MiB (a 25 MB photo, base64): over the 32 MiB limit.
    const big = save().replace('"assets":[]', `"assets":[{"path":"x.jpg","content":"${'A'.repeat(34 * 2 ** 20)}"}]`);
    const reply = await send(port, 'POST', `/api/${desk.token}/v1`, good(), big);
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body)).toEqual({ error: '内容太大（照片最多 20 MB）' });
    expect(r.snapshot()).toEqual(files);
  });
  it('and the same save from the desk’s own page goes through, with no CORS header in any answer', async () => {
    const config = await send(port, 'GET', '/config.yml', { host: `127.0.0.1:${port}` });
    expect(config.body).toContain(`/api/${desk.token}/v1`);
    const reply = await send(port, 'POST', `/api/${desk.token}/v1`, good(), save());
    replies.push(config, reply);
    expect(reply.status, reply.body).toBe(200);
    expect(readFileSync(join(r.root, ENTRY), 'utf8')).toContain('从不收礼');
    for (const a of replies) expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});
