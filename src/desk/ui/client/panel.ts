/**
 * The problems panel: what the desk refused, and why, stays on the screen until the editor closes
 * it or the next save passes. Decap shows a refused save in a toast that closes after 8 seconds;
 * a list of several problems cannot be read and fixed in that time.
 */
import type { Problem } from '../../../rules/problems.ts';
import { ENTRY_FIELDS, isEntryField } from '../../../model/entry-fields.ts';
import { t } from '../../../strings.ts';

/** The Chinese name of a problem's field path (`honours[0].year` → 荣誉 第 1 项 年份). */
export function fieldName(field: string): string {
  const [top = '', ...rest] = field.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (top === 'body' || top === '正文') return t.desk.story.label;
  if (!isEntryField(top)) return field;
  const info: { label: string; parts?: Readonly<Record<string, { label: string }>> } = ENTRY_FIELDS[top];
  const words = [info.label];
  for (const part of rest) {
    if (/^\d+$/.test(part)) words.push(`第 ${Number(part) + 1} 项`);
    else words.push(info.parts?.[part]?.label ?? part);
  }
  return words.join(' ');
}

/** One line of the panel: field, message and code, as the check prints them. */
export function problemLine(p: Problem): string {
  const where = p.field ? `${fieldName(p.field)} — ` : '';
  return `${where}${p.message}`;
}

let panel: HTMLElement | undefined;

function ensurePanel(doc: Document): HTMLElement {
  if (panel?.isConnected) return panel;
  panel = doc.createElement('section');
  panel.id = 'desk-problems';
  panel.setAttribute('role', 'alert');
  panel.hidden = true;
  doc.body.append(panel);
  return panel;
}

/** Shows the panel with a heading and the problems (errors first), replacing what it showed. */
export function showProblems(
  kind: 'refused' | 'warnings',
  problems: readonly Problem[],
  summary?: string,
  doc = document,
): void {
  const el = ensurePanel(doc);
  el.className = kind;
  el.replaceChildren();
  const head = doc.createElement('h2');
  head.textContent = kind === 'refused' ? t.desk.panel.refused : t.desk.panel.warnings;
  el.append(head);
  const list = doc.createElement('ul');
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const lines = sorted.length ? sorted : summary ? [undefined] : [];
  for (const p of lines) {
    const item = doc.createElement('li');
    if (p) {
      item.className = p.severity;
      item.textContent = problemLine(p);
      const code = doc.createElement('small');
      code.textContent = `［代码 ${p.code}］`;
      item.append(' ', code);
    } else {
      item.textContent = summary ?? '';
    }
    list.append(item);
  }
  el.append(list);
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = t.desk.panel.close;
  close.addEventListener('click', () => hideProblems());
  el.append(close);
  el.hidden = false;
}

/** Hides the panel (after a save that passed without warnings). */
export function hideProblems(): void {
  if (panel) panel.hidden = true;
}
