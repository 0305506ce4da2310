import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { ENTRY_FIELDS, ENTRY_FIELD_ORDER, partOrder, type EntryFieldCatalogue } from './entry-fields.ts';
import { entrySchemaFor, honourSchemaFor, sourceSchema, withdrawalSchema } from './schema.ts';

const helpers = { image: () => z.string(), reference: () => z.string() };

describe('the catalogue of entry fields', () => {
  it('lists exactly the schema’s fields, and of each record field exactly its parts', () => {
    expect(new Set(ENTRY_FIELD_ORDER)).toEqual(new Set(Object.keys(entrySchemaFor(helpers).shape)));
    expect(partOrder('honours')).toEqual(Object.keys(honourSchemaFor(helpers).shape));
    expect(partOrder('sources')).toEqual(Object.keys(sourceSchema.shape));
    expect(partOrder('withdrawal')).toEqual(Object.keys(withdrawalSchema.shape));
    expect(partOrder('photo')).toEqual(['src', 'alt']);
    expect(partOrder('name')).toEqual([]);
    expect(partOrder('toString')).toEqual([]);
  });

  it('starts with what identifies an entry and ends with the draft switch', () => {
    expect(ENTRY_FIELD_ORDER.slice(0, 6)).toEqual(['name', 'kind', 'region', 'category', 'honours', 'summary']);
    expect(ENTRY_FIELD_ORDER.at(-1)).toBe('draft');
  });

  it('gives every field and part a Chinese label and a one-line hint', () => {
    const infos = Object.values(ENTRY_FIELDS).flatMap((f) => [f, ...('parts' in f ? Object.values(f.parts) : [])]);
    for (const { label, hint } of infos) {
      expect(label).toMatch(/^\p{Script=Han}[\p{Script=Han}（）]*$/u);
      expect(hint).toMatch(/\p{Script=Han}/u);
      expect(hint).not.toContain('\n');
    }
    expect(new Set(ENTRY_FIELD_ORDER.map((f) => ENTRY_FIELDS[f].label)).size).toBe(ENTRY_FIELD_ORDER.length);
  });

  it('is a type error without a field of the schema', () => {
    const { draft: _left, ...missing } = ENTRY_FIELDS;
    // @ts-expect-error -- `draft` is a field of the schema, so a catalogue without it does not type.
    const catalogue: EntryFieldCatalogue = missing;
    expect(Object.keys(catalogue)).not.toContain('draft');
  });
});
