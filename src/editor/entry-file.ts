/**
 * Writing entry files: the frontmatter in a fixed, readable field order, so
 * files made by `content:new` and `content:import` look like hand-written ones.
 */
import { dump, load } from 'js-yaml';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import type { EntryFileData } from '../model/schema.ts';
import { ENTRY_FIELD_ORDER } from '../model/entry-fields.ts';

/** An entry as written in a file (references are plain ids): the schema's input type, src/model/schema.ts. */
export type EntryDraft = EntryFileData;

/** Fields in the catalogue's order (src/model/entry-fields.ts). */
const ORDER: readonly string[] = ENTRY_FIELD_ORDER;

/** YAML frontmatter with fields in the usual order and empty or false values left out. */
export function renderFrontmatter(data: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  const keys = [...ORDER, ...Object.keys(data).filter((k) => !ORDER.includes(k))];
  for (const key of keys) {
    const v = data[key];
    if (v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    ordered[key] = v;
  }
  return dump(ordered, { lineWidth: -1, noRefs: true }).trimEnd();
}

/** A complete MDX entry file. */
export function renderEntryFile(data: Record<string, unknown>, body: string): string {
  return `---\n${renderFrontmatter(data)}\n---\n\n${body.trim()}\n`;
}

/** YAML reads 2026-03-15 as a Date; entry files keep dates as written. */
function datesAsText(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsText(v)]));
  }
  return value;
}

/** Reads an entry file's frontmatter and body (the file is assumed to pass the content check). */
export function readEntryFile(source: string): { data: Record<string, unknown>; body: string } {
  const split = splitFrontmatter(source);
  if (!split) throw new Error('entry file has no frontmatter');
  return { data: datesAsText(load(split.frontmatter) ?? {}) as Record<string, unknown>, body: split.body };
}
