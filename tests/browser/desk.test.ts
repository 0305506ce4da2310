/**
 * The editors' desk in Chromium, as an office worker uses it: `npm run editor` (scripts/editor.ts)
 * started on a temporary copy of the sample content in a git repository of its own, and the address
 * it prints opened. One browser, one page, the steps in order: the name and e-mail
 * asked once; a new person typed into the Chinese form with a photo and a quotation, previewed in
 * the site's style (normal and 长辈模式) and saved; an existing person edited; three saves the check
 * refuses. Every request the page makes goes to the desk itself.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent, checkEntrySource } from '../../src/editor/check.ts';
import { photoPathFinding } from '../../src/parse/content-files.ts';
import type { Problem } from '../../src/rules/problems.ts';
import { t } from '../../src/strings.ts';
import { deskRoot, type DeskRoot } from '../helpers/desk-root.ts';
import { launch } from '../helpers/browser.ts';

const run = promisify(execFile);

const NEW = 'entries/yaodu/han-meimei-yaodu.mdx';
const NEW_PHOTO = 'entries/yaodu/han-meimei-yaodu.jpg';
const EXISTING = 'entries/huozhou/he-shuzhen-huozhou.mdx';
/** Entry files of the sample content. */
const SAMPLE_ENTRIES = readdirSync('content/entries', { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.mdx'),
).length;
const STORY = '韩梅梅是尧都区某村的村民，十年来义务为村里的老人理发。（示例）\n\n她常说一句话。';

let root: DeskRoot;
let editor: ChildProcess;
/** The address the command printed. */
let url: string;
let browser: Browser;
let page: Page;
let files: string;
const requests: string[] = [];

beforeAll(async () => {
  root = deskRoot({ identity: false });
  editor = spawn(process.execPath, ['scripts/editor.ts', '--port', '0'], {
    env: { ...process.env, HONOUR_CONTENT_DIR: root.root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((done, fail) => {
    let said = '';
    const read = (chunk: Buffer) => {
      said += chunk.toString();
      const address = /请用浏览器打开：(http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(said)?.[1];
      if (address) done(address);
    };
    editor.stdout?.on('data', read);
    editor.stderr?.on('data', read);
    editor.on('exit', (code) => fail(new Error(`npm run editor stopped (${String(code)}): ${said}`)));
  });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  // Leaving a form that was refused asks "discard the changes?": yes.
  page.on('dialog', (d) => void d.accept());
  files = mkdtempSync(join(tmpdir(), 'honour-desk-files-'));
  await sharp({ create: { width: 900, height: 1200, channels: 3, background: { r: 190, g: 150, b: 120 } } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="900" height="1200"><circle cx="450" cy="420" r="200" fill="#734"/><rect x="200" y="700" width="500" height="500" fill="#456"/></svg>',
        ),
      },
    ])
    .jpeg({ quality: 85 })
    .toFile(join(files, 'IMG_2034.jpg'));
  // An iPhone photo (an ISO media file of brand heic), by its own name and under a .jpg name.
  const heic = Buffer.alloc(4096);
  heic.write('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 0, 'latin1');
  writeFileSync(join(files, 'IMG_2035.HEIC'), heic);
  writeFileSync(join(files, 'IMG_2036.jpg'), heic);
  writeFileSync(join(files, 'DSC_0001.jpg'), '');
}, 60_000);

afterAll(async () => {
  await browser.close();
  const stopped = new Promise((done) => editor.on('exit', done));
  editor.kill('SIGTERM');
  await stopped;
  root.cleanup();
  if (files) rmSync(files, { recursive: true, force: true });
});

/** Chooses `option` in the select of the field `name` (the last one on the form: a list's newest item). */
async function choose(name: string, option: string): Promise<void> {
  const id = await page.locator(`label[for^="${name}-field"]`).last().getAttribute('for');
  await page.locator(`#${id}`).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Clicks 发布 → 立即发布 and waits for the desk's answer to the save. */
async function publish(): Promise<{ status: number; body: { problems?: Problem[]; error?: string } }> {
  const saved = page.waitForResponse(
    (r: Response) => r.url().endsWith('/v1') && (r.request().postData() ?? '').includes('"action":"persistEntry"'),
  );
  await page.getByRole('button', { name: '发布' }).click();
  await page.getByText('立即发布', { exact: true }).click();
  const answer = await saved;
  return { status: answer.status(), body: (await answer.json()) as { problems?: Problem[]; error?: string } };
}

/** Opens a county's entry as an editor does, from the county's list (`name` '' : a new entry). */
async function open(county: string, name: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), `#/collections/${county}`);
  if (name) await page.getByRole('link', { name, exact: true }).click();
  else await page.evaluate((h) => (location.hash = h), `#/collections/${county}/new`);
  await expect.poll(() => page.locator('input[id^="name-field"]').inputValue(), { timeout: 30_000 }).toBe(name);
}

const panel = () => page.locator('#desk-problems');

/** A refused save: the panel lists exactly the messages the desk answered with, and nothing was written. */
async function expectRefused(expected: readonly string[]): Promise<void> {
  const before = root.snapshot();
  const commits = root.commits();
  const { status, body } = await publish();
  expect(status).toBe(422);
  const messages = (body.problems ?? []).filter((p) => p.severity === 'error').map((p) => p.message);
  for (const message of expected) expect(messages, messages.join('\n')).toContain(message);
  await expect.poll(() => panel().isVisible(), { timeout: 20_000 }).toBe(true);
  const shown = await panel().textContent();
  for (const message of messages) expect(shown).toContain(message);
  expect(root.snapshot()).toEqual(before);
  expect(root.commits()).toBe(commits);
}

describe('the desk in Chromium', () => {
  it('asks the editor’s name and e-mail once, keeps them in the repository, then lists the counties in Chinese', async () => {
    // The page's clock can be moved on: a toast's 8 s pass at once.
    await page.clock.install();
    await page.goto(url);
    await page.locator('#desk-identity').waitFor();
    await page.fill('#desk-identity input[name=name]', '李明');
    await page.fill('#desk-identity input[name=email]', 'liming@example.cn');
    await page.click('#desk-identity button');
    await page.getByRole('link', { name: '汾西县' }).waitFor();
    expect(root.git('config', '--local', 'user.name').trim()).toBe('李明');
    expect(await page.getByRole('link', { name: '尧都区' }).count()).toBeGreaterThan(0);
  }, 60_000);

  it('creates a person in the Chinese form with a photo and a quotation, previewed as the site shows it, in one commit', async () => {
    await open('yaodu', '');
    await page.fill('input[id^="name-field"]', '韩梅梅');
    await choose('kind', '个人');
    await choose('category', '助人为乐');
    await page.getByRole('button', { name: /新增荣誉/ }).click();
    await choose('title', '临汾好人');
    await page.fill('input[id^="year-field"]', '2026');
    await page.fill('input[id^="summary-field"]', '（示例）常年义务为村里老人理发，十年不间断。');

    await page.getByRole('button', { name: '选择图片' }).click();
    await page.locator('input[type=file]').setInputFiles(join(files, 'IMG_2034.jpg'));
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.fill('input[id^="alt-field"]', '示例照片：韩梅梅（虚构人物）');

    const story = page.locator('textarea[id^="body-field"]');
    await story.fill(STORY);
    await page.getByRole('button', { name: '插入引语' }).click();
    await page.locator('.desk-quote-form textarea').fill('能帮一把是一把。');
    await page.locator('.desk-quote-form input').fill('韩梅梅（示例）');
    await page.locator('.desk-quote-form').getByRole('button', { name: '插入' }).click();
    expect(await story.inputValue()).toBe(`${STORY}\n\n<Quote by="韩梅梅（示例）">能帮一把是一把。</Quote>\n`);

    // The preview: the story as the engine renders it, in the site's style sheet, normal and 长辈模式.
    const preview = page.locator('iframe').first().contentFrame();
    const quote = preview.locator('figure.quote');
    // The first preview renders the story through the engine on the desk's server: over 5 s (the default poll) in
    // one loaded full run, 1.5 s alone.
    await expect.poll(() => quote.textContent(), { timeout: 20_000 }).toBe('能帮一把是一把。——韩梅梅（示例）');
    const size = () => quote.locator('blockquote').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await size();
    await preview.getByRole('button', { name: '长辈模式' }).click();
    await expect.poll(size).toBeGreaterThan(normal * 1.25);
    expect(await preview.locator('html').getAttribute('class')).toContain('large-text');
    await expect.poll(() => preview.locator('img').count(), { timeout: 20_000 }).toBe(1);

    const commits = root.commits();
    const { status } = await publish();
    expect(status).toBe(200);
    const text = readFileSync(join(root.root, NEW), 'utf8');
    expect(text).toContain('name: 韩梅梅\n');
    expect(text).toContain('  src: ./han-meimei-yaodu.jpg\n');
    expect(text).toContain('<Quote by="韩梅梅（示例）">能帮一把是一把。</Quote>');
    expect(text).not.toContain('_slug');
    expect((await sharp(join(root.root, NEW_PHOTO)).metadata()).format).toBe('jpeg');
    expect(root.commits()).toBe(commits + 1);
    expect(root.git('log', '-1', '--format=%s')).toContain('韩梅梅');
    expect(root.git('log', '-1', '--format=%an <%ae>').trim()).toBe('李明 <liming@example.cn>');
    expect(root.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(
      [NEW, NEW_PHOTO].sort(),
    );
    expect(root.git('status', '--porcelain').trim()).toBe('');

    // The build's own gate (a build runs this check first and builds what it passes): npm run
    // content:check passes on the root, the new entry among the files it read.
    const check = await run(process.execPath, ['scripts/check.ts'], {
      env: { ...process.env, HONOUR_CONTENT_DIR: root.root },
    });
    expect(check.stdout).toContain('内容检查通过：0 个错误');
    expect(check.stdout).toContain(`已检查 ${SAMPLE_ENTRIES + 1} 个条目`);
  }, 120_000);

  it('edits an existing person’s summary and changes no other byte of the file', async () => {
    const before = readFileSync(join(root.root, EXISTING), 'utf8');
    await open('huozhou', '何淑珍');
    const summary = '（示例）照顾无血缘关系的孤寡邻居二十余年，为两位老人养老送终。';
    await page.fill('input[id^="summary-field"]', summary);
    const { status } = await publish();
    expect(status).toBe(200);
    const after = readFileSync(join(root.root, EXISTING), 'utf8');
    expect(after).toBe(before.replace(/^summary: .*$/m, `summary: ${summary}`));
    expect(root.git('log', '-1', '--format=%s')).toContain('何淑珍');
    expect(root.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(EXISTING);
  }, 60_000);

  it('refuses a phone number in the story with the check’s message in a panel that stays, and writes nothing', async () => {
    await open('yaodu', '韩梅梅');
    const story = page.locator('textarea[id^="body-field"]');
    const good = await story.inputValue();
    const phoned = `${good.trimEnd()}\n\n有事可以打她的电话 13912345678。\n`;
    await story.fill(phoned);
    const saved = readFileSync(join(root.root, NEW), 'utf8');
    const expected = checkEntrySource(saved.replace(good.trim(), phoned.trim()), NEW)
      .problems.filter((p) => p.severity === 'error')
      .map((p) => p.message);
    expect(expected.length).toBeGreaterThan(0);
    await expectRefused(expected);
    // Decap's own toast (its summary of the refusal) closes after 8 s; the panel stays.
    const toast = page.locator('.Toastify__toast--error');
    await toast.first().waitFor();
    await page.clock.fastForward(9_000);
    await expect.poll(() => toast.count()).toBe(0);
    expect(await panel().isVisible()).toBe(true);
    await story.fill(good);
  }, 60_000);

  it('refuses a HEIC photo with the check’s words (导出为 JPEG), and writes nothing', async () => {
    if (await panel().isVisible()) await panel().getByRole('button', { name: '关闭' }).click();
    await open('yaodu', '韩梅梅');
    const before = root.snapshot();
    await page.getByRole('button', { name: '选择其他图片' }).click();
    // Chosen by its name: Decap's library would hide it; the editor is told at once.
    await page.locator('input[type=file]').setInputFiles(join(files, 'IMG_2035.HEIC'));
    await expect.poll(() => panel().textContent()).toContain(t.desk.panel.heicChosen('IMG_2035.HEIC'));
    // A photo over the check's 20 MB is told and not taken at once, not refused after a long upload.
    // By its path, not its bytes: Playwright hands a local browser the path, and 21 MB sent over CDP cost 6 s.
    const big = join(files, 'DSC_0001.jpg');
    truncateSync(big, 21 * 2 ** 20);
    await page.locator('input[type=file]').setInputFiles(big);
    await expect.poll(() => panel().textContent()).toContain(t.deskNotices.photoTooLarge('DSC_0001.jpg', 20));
    expect(await page.locator('input[type=file]').evaluate((i: HTMLInputElement) => i.files?.length)).toBe(0);
    // Under a .jpg name it reaches the desk, which refuses it with the check's words.
    await page.locator('input[type=file]').setInputFiles(join(files, 'IMG_2036.jpg'));
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'honour-desk-heic-'));
    writeFileSync(join(dir, 'img_2036.jpg'), readFileSync(join(files, 'IMG_2036.jpg')));
    const finding = photoPathFinding(dir, join(dir, 'han-meimei-yaodu.mdx'), './img_2036.jpg', 'han-meimei-yaodu');
    rmSync(dir, { recursive: true });
    expect(finding?.message).toContain('导出为 JPEG');
    await expectRefused([finding!.message]);
    expect(root.snapshot()).toEqual(before);
  }, 60_000);

  it('refuses an entry of a county the content no longer has, with the check’s message, and writes nothing', async () => {
    // Another editor removed 汾西县 from regions.yaml while this form was open.
    const regions = join(root.root, 'regions.yaml');
    const original = readFileSync(regions, 'utf8');
    writeFileSync(regions, original.replace(/^- \{ id: fenxi,.*\n/m, ''));
    root.git('commit', '-qam', 'remove fenxi');
    const { problems } = await checkContent(root.root);
    const expected = problems
      .filter((p) => p.file.endsWith('ma-yumei-fenxi.mdx') && p.field === 'region')
      .map((p) => p.message);
    expect(expected.length).toBe(1);
    // The HEIC refusal of another county's entry is not shown on this one.
    expect(await panel().isVisible()).toBe(true);
    await open('fenxi', '马玉梅');
    expect(await panel().isVisible()).toBe(false);
    await page.fill('input[id^="role-field"]', '村医');
    await expectRefused(expected);
    // A save Decap's own form checks stop sends nothing: the panel says so instead of the old list.
    const sent = requests.length;
    await page.fill('input[id^="name-field"]', '');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布', { exact: true }).click();
    await expect.poll(() => panel().textContent()).toContain(t.deskNotices.fillRequired);
    expect(await panel().textContent()).not.toContain(expected[0]);
    expect(requests.slice(sent).filter((u) => u.endsWith('/v1'))).toEqual([]);
  }, 60_000);

  it('asks nothing of the network: every request goes to the desk', () => {
    const origin = new URL(url).origin;
    const elsewhere = requests.filter(
      (u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'),
    );
    expect(elsewhere).toEqual([]);
    expect(requests.filter((u) => u.includes('/desk/decap-cms-app.js')).length).toBe(1);
  });
});

describe('the published site', () => {
  it('carries nothing of the desk: no Decap, no page script, no configuration, no API address', () => {
    const dist = inject('sampleDist');
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => /decap|desk|config\.yml|\.wasm$/i.test(f))).toEqual([]);
    const texts = files.filter((f) => /\.(?:html|js|css|json|xml|txt)$/.test(f));
    const naming = texts.filter((f) =>
      /decap-cms|\/api\/[\w-]{20,}\/v1|desk-api/.test(readFileSync(join(dist, f), 'utf8')),
    );
    expect(naming).toEqual([]);
  });
});
