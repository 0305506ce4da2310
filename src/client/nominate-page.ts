/**
 * The nomination page's form (src/pages/nominate/index.astro): checks each field beside it, then
 * fills the WeChat text, the e-mail link, the printable 推荐表 and the sheet row. Nothing leaves
 * the page and nothing is stored: the form's method is `dialog`, and no storage is touched.
 */
import {
  FIELDS,
  fieldId,
  LIMITS,
  checkNomination,
  chineseDate,
  fillIn,
  mailtoHref,
  nominationText,
  sheetHeader,
  sheetRow,
  type Nomination,
  type NominationField,
  type NominationTexts,
} from './nomination.ts';

const form = document.querySelector<HTMLFormElement>('#nominate-form');
// The page's words (src/strings.ts), written into the form as data when it was built.
const x = JSON.parse(form?.dataset.texts ?? '{}') as NominationTexts;
const control = (f: NominationField) =>
  document.getElementById(fieldId(f)) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const byId = (id: string) => document.getElementById(id);
// A blank 推荐表 is for printing by hand where the form cannot fill it; here it waits for the form
// (in 长辈模式 the empty table was a screen and a half below the form).
const sheet = byId('nominate-sheet');
if (sheet) sheet.hidden = true;
const area = (id: string) => document.querySelector<HTMLTextAreaElement>(`textarea#${id}`);

/** Shows (or clears) a field's message beside it. */
function mark(f: NominationField, message: string | undefined): void {
  const el = control(f);
  const box = byId(fieldId(f, 'error'));
  if (!box) return;
  box.textContent = message ?? '';
  box.hidden = !message;
  if (message) el.setAttribute('aria-invalid', 'true');
  else el.removeAttribute('aria-invalid');
}

function values(): Nomination {
  return Object.fromEntries(FIELDS.map((f) => [f, control(f).value])) as unknown as Nomination;
}

function fill(n: Nomination, city: string, email: string | undefined): void {
  const now = new Date();
  const text = nominationText(n, x, city, now);
  const wechat = area('nominate-wechat');
  const row = area('nominate-row');
  if (wechat) wechat.value = text;
  if (row) row.value = sheetRow(n, x, now.getFullYear());
  const mail = document.querySelector<HTMLAnchorElement>('a#nominate-mail');
  if (mail && email) mail.href = mailtoHref(email, fillIn(x.subject, { name: n.name.trim() }), text);
  const shown: Record<string, string> = {
    ...Object.fromEntries(FIELDS.map((f) => [f, n[f].trim()])),
    kind: x.kinds[n.kind],
    date: chineseDate(now),
  };
  document.querySelectorAll<HTMLElement>('[data-sheet]').forEach((cell) => {
    cell.textContent = shown[cell.dataset.sheet ?? ''] ?? '';
  });
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const box = area(button.dataset.copy ?? '');
  const said = byId('nominate-copied');
  if (!box) return;
  const text = button.hasAttribute('data-with-header') ? `${sheetHeader()}\n${box.value}` : box.value;
  // The answer right under the button pressed: at the result's end it was 550 px below, off the screen.
  if (said) (button.closest('p') ?? button).after(said);
  try {
    await navigator.clipboard.writeText(text);
    // Said as what to do next: the WeChat text goes into WeChat, the staff's row into a sheet.
    if (said) said.textContent = box.id === 'nominate-row' ? x.copiedRow : x.copied;
    said?.scrollIntoView({ block: 'nearest' });
  } catch {
    // In-app browsers often refuse the clipboard: the text is selected for a long press instead.
    box.focus();
    box.select();
    if (said) said.textContent = x.copyFailed;
  }
}

if (form) {
  const city = form.dataset.city ?? '';
  const email = form.dataset.email;
  const count = byId(fieldId('story', 'count'));
  const story = control('story');
  const counted = () => {
    if (count) count.textContent = fillIn(x.count, { count: story.value.trim().length, max: LIMITS.story.max });
  };
  story.addEventListener('input', counted);
  counted();
  for (const f of FIELDS) control(f).addEventListener('input', () => mark(f, undefined));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const n = values();
    const problems = checkNomination(n, x);
    for (const f of FIELDS) mark(f, problems[f]);
    const wrong = FIELDS.filter((f) => problems[f]);
    const status = byId('nominate-status');
    const result = byId('nominate-result');
    if (status) status.textContent = wrong.length ? fillIn(x.summary, { count: wrong.length }) : '';
    const [first] = wrong;
    if (sheet) sheet.hidden = Boolean(first);
    if (first) {
      if (result) result.hidden = true;
      // The field from its label down, then the focus: WebKit's own scroll to a focused control left the
      // label just above the screen's top.
      control(first).closest('.field')?.scrollIntoView({ block: 'start' });
      control(first).focus({ preventScroll: true });
      return;
    }
    fill(n, city, email);
    if (result) result.hidden = false;
    // From its heading down: focus alone left the heading at the screen's foot, the form still in view.
    const heading = byId('nominate-result-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  });

  document.querySelectorAll<HTMLButtonElement>('[data-copy]').forEach((button) => {
    button.addEventListener('click', () => void copy(button));
  });
}
