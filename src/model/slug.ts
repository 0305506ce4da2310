/**
 * Stable URL slugs: pinyin of the name plus the region id, with a number
 * added only when that slug is already taken. A slug is chosen once, when
 * the entry file is created, and is the file's name from then on.
 */
import type { Kind } from './schema.ts';
import { nameSyllables, personPinyin } from './names.ts';

/** Longest name part of a slug; long group names are cut at a syllable. */
const MAX_NAME_PART = 40;

/** The name part of a slug: `zhang-jianguo` for a person, all syllables joined for a family or group. */
export function nameSlug(name: string, kind: Kind): string {
  if (kind === 'person') {
    const { surname, given } = personPinyin(name);
    return [surname, given].filter(Boolean).join('-');
  }
  let out = '';
  for (const s of nameSyllables(name)) {
    if (out.length + s.length > MAX_NAME_PART) break;
    out += s;
  }
  return out;
}

/**
 * The slug for a new entry. `taken` holds every slug and former slug in use;
 * the first free of `base`, `base-2`, `base-3` … is returned.
 */
export function slugFor(name: string, kind: Kind, region: string, taken: ReadonlySet<string>): string {
  const namePart = nameSlug(name, kind) || 'entry';
  const base = `${namePart}-${region}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
