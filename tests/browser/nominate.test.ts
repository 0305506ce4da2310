/**
 * 推荐身边好人 on a 390×844 phone, in Chromium and WebKit, in both modes: the form refuses an empty
 * required field and an ID number with a Chinese message beside the field, then writes the WeChat
 * text, the mailto: link and the sheet row (which the import plans as one valid entry against the
 * sample's own regions, titles and categories); in Chromium the 推荐表 is what print media shows.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';
import { sampleSiteInWebKit } from '../helpers/webkit.ts';
import { routes } from '../../src/model/routes.ts';
import { readCollections } from '../../src/editor/check.ts';
import { findHeader, planImport } from '../../src/editor/import-plan.ts';
import { sheetHeader } from '../../src/client/nomination.ts';
import { nominateText } from '../../src/strings.ts';

const chromium = sampleSiteInBrowser();
const webkit = sampleSiteInWebKit();
const PHONE = { width: 390, height: 844 };
const SCREENS = join(process.cwd(), 'test-results', 'screens');
const LARGE = { 'hrb-large-text': '1' };
/** An ID number with a valid date and check digit. */
const ID = '11010519491231002X';

/** What the resident fills in, by the form's field ids (selects by the option's text). */
const FILLED: Record<string, string> = {
  'nf-nominator': '李四',
  'nf-mobile': '13912345678',
  'nf-name': '王芳',
  'nf-region': '尧都区',
  'nf-category': '孝老爱亲',
  'nf-title': '临汾好人',
  'nf-summary': '二十年如一日照顾瘫痪的婆婆。',
  'nf-story': '2006年起，王芳每天给婆婆擦身、做饭。\n邻居说："她比亲闺女还亲。"',
};

/** Sets fields as typing would (an input event each), in the page. */
function fill(values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    const el = document.getElementById(id) as HTMLInputElement;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** The form's state after a submit, in the page: messages shown beside fields, and what was produced. */
function formState() {
  const rect = (el: Element | null) => el?.getBoundingClientRect();
  const errors: Record<string, { text: string; gap: number; invalid: boolean; described: boolean }> = {};
  for (const box of document.querySelectorAll<HTMLElement>('.field-error[id^="nf-"]')) {
    if (box.hidden) continue;
    const id = box.id.replace(/-error$/, '');
    const field = document.getElementById(id);
    const below = rect(box)?.top ?? 0;
    errors[id] = {
      text: box.textContent.trim(),
      gap: below - (rect(field)?.bottom ?? 0),
      invalid: field?.getAttribute('aria-invalid') === 'true',
      described: (field?.getAttribute('aria-describedby') ?? '').split(' ').includes(box.id),
    };
  }
  const value = (id: string) => (document.getElementById(id) as HTMLTextAreaElement | null)?.value ?? '';
  const result = document.getElementById('nominate-result');
  return {
    errors,
    status: document.getElementById('nominate-status')?.textContent.trim() ?? '',
    shown: result ? !result.hidden : false,
    wechat: value('nominate-wechat'),
    row: value('nominate-row'),
    mail: (document.getElementById('nominate-mail') as HTMLAnchorElement | null)?.href ?? '',
    focused: document.activeElement?.id ?? '',
    resultTop: document.getElementById('nominate-result-heading')?.getBoundingClientRect().top ?? Infinity,
    // The focused field's label and control both on screen: WebKit scrolled the label just off the top.
    focusShown: (() => {
      const control = document.activeElement;
      const label = control?.id ? document.querySelector(`label[for="${control.id}"]`) : null;
      if (!control || !label) return false;
      return label.getBoundingClientRect().top >= 0 && control.getBoundingClientRect().bottom <= innerHeight;
    })(),
  };
}

/** Controls and text of the form and its result, measured in the page (only those shown). */
function sizes() {
  const shown = (el: Element) => el.getClientRects().length > 0;
  const of = (selector: string) =>
    [...document.querySelectorAll(selector)].filter(shown).map((el) => {
      const r = el.getBoundingClientRect();
      return {
        what: el.id || `${el.tagName} ${el.textContent.trim().slice(0, 10)}`,
        width: r.width,
        height: r.height,
        font: parseFloat(getComputedStyle(el).fontSize),
      };
    });
  return {
    targets: of(
      '#nominate-form :is(input, select, textarea, button), #nominate-result :is(textarea, button, a.action, summary)',
    ),
    text: of('.nominate-page :is(p, li, label, legend, dt, dd, .field-hint, .field-error, h3)'),
  };
}

/** The page's row as a sheet (the clipboard's cells, read with the import's CSV library), planned by the import. */
async function planRow(row: string) {
  const header = sheetHeader();
  const rows: string[][] = parse(`${header}\n${row}`, { delimiter: '\t', relaxColumnCount: true });
  const found = findHeader(rows);
  if (!found.ok) throw new Error(found.message);
  const { collections } = readCollections(join(process.cwd(), 'content'));
  return planImport(
    { rows, headerIndex: found.index, columns: found.columns, cellProblems: [], sheetDir: '/sheets' },
    { ...collections, entries: [] },
    '/c',
    { photoProblems: () => Promise.resolve([]), fileKind: () => 'missing', readEntry: () => '', show: (p) => p },
  );
}

type State = ReturnType<typeof formState>;

/** What every engine and mode must show after each of the three submits. */
async function expectFlow(empty: State, withId: State, done: State, where: string) {
  // 1. Empty: each required field says so beside itself, and the first one has the focus.
  expect(Object.keys(empty.errors).sort(), where).toEqual(
    ['nf-category', 'nf-mobile', 'nf-name', 'nf-nominator', 'nf-region', 'nf-summary', 'nf-title'].sort(),
  );
  // 推荐参评 is the resident's own choice: nothing is chosen for them.
  expect(empty.errors['nf-title']?.text).toBe('请选择“推荐参评”。');
  expect(empty.errors['nf-name']?.text).toBe('请填写“被推荐人姓名（家庭或集体写名称）”。');
  expect(empty.errors['nf-region']?.text).toBe('请选择“所在县（市、区）”。');
  for (const [id, e] of Object.entries(empty.errors)) {
    expect([e.invalid, e.described], `${where} ${id}`).toEqual([true, true]);
    expect(e.gap, `${where} ${id}: message right under its field`).toBeGreaterThanOrEqual(0);
    expect(e.gap, `${where} ${id}: message right under its field`).toBeLessThan(24);
  }
  expect(empty.status).toBe('有 7 处需要修改，请看标红的地方。');
  expect(empty.shown).toBe(false);
  expect(empty.focused).toBe('nf-nominator');
  expect(empty.focusShown, where).toBe(true);
  // 2. An ID number in the deed: that field alone is refused, and nothing is produced.
  expect(withId.errors, where).toEqual({
    'nf-summary': {
      text: '这里有身份证号码：推荐不需要，也不会公开，请删除。',
      gap: expect.any(Number),
      invalid: true,
      described: true,
    },
  });
  expect(withId.shown).toBe(false);
  expect([withId.focused, withId.focusShown], where).toEqual(['nf-summary', true]);
  // 3. Filled in: the WeChat text, the mailto: link carrying it, and the row.
  expect(done.errors).toEqual({});
  expect(done.shown).toBe(true);
  // The result is in view from its heading down, not a heading at the screen's foot under the form.
  expect(done.resultTop, where).toBeGreaterThanOrEqual(0);
  expect(done.resultTop, where).toBeLessThan(120);
  expect(done.wechat).toContain(
    '被推荐人：王芳（个人）\n所在县（市、区）：尧都区\n事迹类别：孝老爱亲\n推荐参评：临汾好人',
  );
  expect(done.wechat).toContain('推荐人：李四，手机 13912345678');
  const mail = new URL(done.mail);
  expect(`${mail.protocol}${mail.pathname}`).toBe('mailto:tuijian@example.cn');
  expect(mail.searchParams.get('subject')).toBe('推荐身边好人：王芳');
  expect(mail.searchParams.get('body')).toBe(done.wechat.replace(/\n/g, '\r\n'));
  expect(done.row).not.toContain('李四');
  expect(done.row).not.toContain('13912345678');
  const plan = await planRow(done.row);
  expect(plan.rejected, where).toEqual([]);
  expect([...plan.entries.values()].map((e) => e.data)).toMatchObject([
    {
      name: '王芳',
      region: 'yaodu',
      category: 'xiaolao',
      honours: [{ title: 'lf-hr', year: new Date().getFullYear() }],
    },
  ]);
}

/** Targets at least 44 px (60 in 长辈模式) both ways; text at least 24 px in 长辈模式. */
function expectSizes(s: ReturnType<typeof sizes>, large: boolean, where: string) {
  const min = large ? 60 : 44;
  expect(s.targets.length, where).toBeGreaterThanOrEqual(14);
  for (const t of s.targets) {
    expect(Math.round(t.height), `${where} ${t.what} height`).toBeGreaterThanOrEqual(min);
    expect(Math.round(t.width), `${where} ${t.what} width`).toBeGreaterThanOrEqual(min);
    if (large) expect(t.font, `${where} ${t.what} text`).toBeGreaterThanOrEqual(23.9);
  }
  if (large) for (const t of s.text) expect(t.font, `${where} ${t.what} text`).toBeGreaterThanOrEqual(23.9);
}

describe('推荐身边好人 on a 390×844 phone', () => {
  it("sends through the office's channels from site.yaml, marked 示例 on a sample; without any, says to take the 推荐表 to the local 文明办", () => {
    const page = (dist: string) => readFileSync(join(dist, 'nominate', 'index.html'), 'utf8');
    const sample = page(inject('sampleDist'));
    expect(sample).toContain('href="mailto:tuijian@example.cn"');
    expect(sample).toContain('href="tel:03570000000"');
    expect(sample).toContain('临汾市尧都区示例路1号');
    expect(sample.match(/（示例）/g)?.length).toBeGreaterThanOrEqual(3);
    expect(sample).not.toContain(nominateText.noChannels);
    // The printed 推荐表 of a sample says so in its title, as its 送达 line does.
    expect(sample).toMatch(/<p class="sheet-title">[^<]*<span class="keep-whole">（示例）<\/span>\s*<\/p>/);
    // Residents read no developer words; the row for the office's staff is folded away, closed.
    expect(sample).not.toContain('content:import');
    expect(sample).toMatch(
      /<details class="nominate-staff">\s*<summary[^>]*>工作人员代为录入时用（您不用管）<\/summary>/,
    );
    // The mini root declares no nomination channels (its contact is for corrections only).
    const mini = page(inject('miniDist'));
    expect(mini).toContain(nominateText.noChannels);
    expect(mini).not.toContain('id="nominate-mail"');
    expect(mini).toContain('id="nominate-sheet"');
    expect(mini).toContain(nominateText.privacy);
    // Nothing can be posted anywhere: the form has no action and submits as a dialog would (not at all).
    expect(mini).toMatch(/<form id="nominate-form"[^>]*method="dialog"/);
    expect(mini).not.toMatch(/<form id="nominate-form"[^>]*action=/);
  });

  it('checks the form beside each field, writes the text, the link and the row, and prints the 推荐表 (Chromium, both modes)', async () => {
    mkdirSync(SCREENS, { recursive: true });
    for (const large of [false, true]) {
      const where = `Chromium ${large ? '长辈模式' : 'normal mode'}`;
      const context = await chromium.browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
      if (large) await context.addInitScript(() => localStorage.setItem('hrb-large-text', '1'));
      const p = await context.newPage();
      await p.goto(`${chromium.url}${routes.nominate}`);
      const submit = p.locator('#nominate-form button[type=submit]');
      // The 推荐表 waits for the form: no screen of empty table under it (blank only without the script).
      expect(await p.locator('#nominate-sheet').isVisible(), where).toBe(false);
      await submit.click();
      const empty = await p.evaluate(formState);
      expect(await p.locator('#nominate-sheet').isVisible(), where).toBe(false);
      await p.evaluate(fill, { ...FILLED, 'nf-summary': `身份证号 ${ID}，照顾婆婆二十年` });
      await submit.click();
      const withId = await p.evaluate(formState);
      await p.locator('#nf-summary').scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(SCREENS, `nomination-refused-${large ? 'large' : 'normal'}.png`) });
      await p.evaluate(fill, { 'nf-summary': FILLED['nf-summary'] ?? '' });
      await submit.click();
      const done = await p.evaluate(formState);
      await expectFlow(empty, withId, done, where);
      expect(await p.locator('#nominate-sheet').isVisible(), where).toBe(true);
      // On the screen each value of the 推荐表 has the room to stay on a line of its own at 390 and 320 px: beside a
      // 180 px label in 长辈模式 a mobile number split (138000012 / 34), and at 320 so did 孝老爱 / 亲.
      for (const width of [390, 320]) {
        await p.setViewportSize({ width, height: 844 });
        const room = await p.evaluate(() => {
          const table = document.querySelector('#nominate-sheet table')?.getBoundingClientRect().width ?? 0;
          return Math.min(
            ...[...document.querySelectorAll('#nominate-sheet td[data-sheet]')].map(
              (td) => td.getBoundingClientRect().width / table,
            ),
          );
        });
        expect(room, `${where} at ${width}`).toBeGreaterThanOrEqual(large ? 0.9 : 0.5);
      }
      await p.setViewportSize({ width: 390, height: 844 });
      // Copied: said in words a resident acts on, for the WeChat text and for the staff's row.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: chromium.url });
      const copyText = p.getByRole('button', { name: '复制', exact: true });
      await copyText.click();
      await expect.poll(() => p.locator('#nominate-copied').textContent()).toBe('已复制，可以粘贴到微信里发送。');
      // Said where the finger is: right under the button, on the screen (it was 550 px below, past the staff's box).
      const said = await p.locator('#nominate-copied').boundingBox();
      const pressed = await copyText.boundingBox();
      const viewport = p.viewportSize();
      expect(
        said &&
          pressed &&
          viewport &&
          said.y > pressed.y &&
          said.y - pressed.y < 150 &&
          said.y + said.height <= viewport.height,
        where,
      ).toBe(true);
      expect(await p.locator('#nominate-row').isVisible()).toBe(false);
      await p.locator('.nominate-staff').scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(SCREENS, `nomination-copied-${large ? 'large' : 'normal'}.png`) });
      await p.getByText('工作人员代为录入时用').click();
      await p.getByRole('button', { name: '复制这一行', exact: true }).click();
      await expect.poll(() => p.locator('#nominate-copied').textContent()).toBe('这一行已复制，可以粘贴到表格里。');
      expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(done.row);
      expectSizes(await p.evaluate(sizes), large, where);
      await p.screenshot({ path: join(SCREENS, `nomination-result-${large ? 'large' : 'normal'}.png`) });

      // Printed: the filled 推荐表 alone.
      await p.emulateMedia({ media: 'print' });
      const printed = await p.evaluate(() => {
        const visible = (s: string) => document.querySelector(s)?.getClientRects().length ?? 0;
        return {
          sheet: visible('#nominate-sheet'),
          form: visible('#nominate-form'),
          header: visible('.site-header'),
          lead: visible('.nominate-page .lead'),
          name: document.querySelector('[data-sheet="name"]')?.textContent,
          story: document.querySelector('[data-sheet="story"]')?.textContent,
        };
      });
      expect(printed, where).toEqual({
        sheet: 1,
        form: 0,
        header: 0,
        lead: 0,
        name: '王芳',
        story: FILLED['nf-story'],
      });
      // On one A4 sheet: the signature row had gone alone onto a second page.
      const pdf = (await p.pdf({ preferCSSPageSize: true })).toString('latin1');
      expect((pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, where).toBe(1);
      // A story near its 1,500 characters runs on to a second sheet, the signature after it: its row held whole
      // left the first sheet half empty and the signature alone on a third.
      await p.evaluate(() => {
        const cell = document.querySelector('[data-sheet="story"]');
        if (cell) cell.textContent = '她每天给婆婆擦身、做饭，二十年没有间断。'.repeat(70);
      });
      const long = (await p.pdf({ preferCSSPageSize: true })).toString('latin1');
      expect((long.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, where).toBe(2);
      await context.close();
    }
  });

  it('does the same in WebKit, in both modes', async () => {
    const p = webkit.page;
    for (const large of [false, true]) {
      const where = `WebKit ${large ? '长辈模式' : 'normal mode'}`;
      await p.phone(`${webkit.url}${routes.nominate}`, large ? LARGE : {});
      await p.waitFor(() => document.readyState === 'complete', 10_000);
      const submit = '#nominate-form button[type=submit]';
      await p.click(submit);
      const empty = await p.evaluate(formState);
      // Typed as a resident types it; the rest set as typing would.
      const { 'nf-nominator': typed = '', ...rest } = FILLED;
      await p.type('#nf-nominator', typed);
      await p.evaluate(fill, { ...rest, 'nf-summary': `身份证号 ${ID}，照顾婆婆二十年` });
      await p.click(submit);
      const withId = await p.evaluate(formState);
      await p.evaluate(fill, { 'nf-summary': FILLED['nf-summary'] ?? '' });
      await p.click(submit);
      const done = await p.evaluate(formState);
      await expectFlow(empty, withId, done, where);
      await p.click('.nominate-staff summary');
      expectSizes(await p.evaluate(sizes), large, where);
    }
  });
});
