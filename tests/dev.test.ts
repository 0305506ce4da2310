/**
 * `npm run dev` is the editors' preview: a content problem is shown in the
 * browser as the content check words it (file, line, field, fix) instead of
 * a stack trace, and the page comes back once the file is fixed. One server,
 * started on a copy of the mini fixture (startup is most of this test's time).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, test } from 'vitest';
import { tryLock } from '../src/build/lock.ts';
import { BUILD_LOCK } from '../src/integrations/build-lock.ts';
import { copyMini, editFile } from './helpers/fixture.ts';
import { freePort } from './helpers/port.ts';

const ENTRY = 'entries/zhang-san-xixian.mdx';
/** Without vitest's variables: Astro's dev server, seeing VITEST, answers every page with a 404. */
const serverEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
const root = copyMini();
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Asks for a page as a browser does, until `done` accepts the answer or the time is up. */
async function page(url: string, done: (status: number) => boolean, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    const answer = await fetch(url, { headers: { accept: 'text/html' } }).then(
      async (r) => ({ status: r.status, body: await r.text() }),
      () => undefined, // not listening yet
    );
    if ((answer && done(answer.status)) || Date.now() > until) return answer;
    await sleep(250);
  }
}

test('a content problem is a Chinese page in the preview, and the page comes back when it is fixed', async () => {
  editFile(root, ENTRY, (text) => text.replace('region: xixian', 'region: xixia'));
  // Astro's dev server writes ./.astro/ as a build does: it takes its turn with the builds of other test files.
  let lock = tryLock(BUILD_LOCK);
  while (!lock.ok) {
    await sleep(200);
    lock = tryLock(BUILD_LOCK);
  }
  const port = await freePort();
  // --ignore-lock: an editor's own `npm run dev` in this folder neither blocks this server nor is replaced by it.
  const server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'],
    { env: { ...serverEnv, HONOUR_CONTENT_DIR: root }, stdio: 'ignore', detached: true },
  );
  try {
    const url = `http://127.0.0.1:${port}/people/zhang-san-xixian/`;
    const broken = await page(url, () => true, 60_000);
    expect(broken?.status).toBe(503);
    expect(broken?.body).toContain('内容有错误');
    // The content check's own line: file and line, field, and the fix.
    expect(broken?.body).toMatch(/zhang-san-xixian\.mdx:4 — region — 地区 “xixia” 不存在/);
    expect(broken?.body).not.toMatch(/Unknown region|stack/i);

    editFile(root, ENTRY, (text) => text.replace('region: xixia', 'region: xixian'));
    const fixed = await page(url, (status) => status === 200, 20_000);
    expect(fixed?.status).toBe(200);
    expect(fixed?.body).toContain('张三');
    // The policy forbids the inline styles and scripts Vite's dev client injects (built pages keep it: build.test.ts).
    expect(fixed?.body).not.toContain('Content-Security-Policy');
  } finally {
    const exited = once(server, 'exit');
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await exited;
    lock.release();
  }
});
