/** Personal data in the content, as the content check and the import report it (the scanner is src/rules/privacy.ts). */
import { fieldPath } from '../rules/problems.ts';
import { findPersonalData, mask, PERSONAL_DATA_LABELS, urlScanText, type PublicContacts } from '../rules/privacy.ts';

/**
 * Every string in parsed YAML with its field path, as the privacy scan reads it: of a URL
 * only the query and fragment (an article's numeric id in its path is not a phone number).
 */
export function textFields(value: unknown, path: Array<string | number> = []): Array<[string, string]> {
  if (typeof value === 'string') {
    const last = path[path.length - 1];
    return [[fieldPath(path), last === 'url' ? urlScanText(value) : value]];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => textFields(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => textFields(v, [...path, k]));
  }
  return [];
}

/** Problems with personal data in a text, in the form the checks print; `allowed` are the site's own public contacts. */
export function personalDataProblems(text: string, allowed: PublicContacts = {}): string[] {
  return findPersonalData(text, allowed).map((hit) => {
    const label = PERSONAL_DATA_LABELS[hit.kind];
    return `含有${label.what}（${mask(hit.match)}）：${label.fix}`;
  });
}
