/**
 * The entry file a form describes, as text: what the preview sends the desk's `/preview`
 * (the same shape Decap saves: YAML front matter, then the story).
 */
import { stringify } from 'yaml';

/** Whether a form value says nothing (Decap keeps cleared fields as '' or empty lists). */
function isBlank(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v).every(isBlank);
  return false;
}

/** A form's values without the blank ones and without the desk's helper fields (`_slug`), keys in form order. */
export function cleanFormData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('_') || key === 'body' || isBlank(value)) continue;
    if (Array.isArray(value)) {
      out[key] = value.map((item: unknown) =>
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? cleanFormData(item as Record<string, unknown>)
          : item,
      );
    } else if (typeof value === 'object' && value !== null) {
      out[key] = cleanFormData(value as Record<string, unknown>);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The MDX text of an entry from the form's values (`body` is the story). */
export function entryText(data: Record<string, unknown>): string {
  const body = typeof data.body === 'string' ? data.body : '';
  return `---\n${stringify(cleanFormData(data), { lineWidth: 0 })}---\n\n${body.trim()}\n`;
}
