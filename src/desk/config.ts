/**
 * Decap CMS's configuration for the desk, generated at each request of `/config.yml` from the
 * entry schema (src/model/schema.ts, read as JSON Schema by `z.toJSONSchema(…, { io: 'input' })`:
 * fields, enums, patterns, required fields) and the entry-field catalogue's Chinese labels and
 * hints (src/model/entry-fields.ts). Nothing here lists a field by hand: a field added to the
 * schema and the catalogue appears in the form. References (region, category, honour titles,
 * releases) become selects that show the Chinese names of the content root's own lists.
 *
 * The form only helps: refinements (a minor's photo, a withdrawal's date) are lost in JSON
 * Schema, so the desk's server runs the check's rules on every save and stays the authority.
 */
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { ENTRY_FIELD_ORDER, ENTRY_FIELDS, type EntryField, type FieldInfo } from '../model/entry-fields.ts';
import { entrySchemaFor, type RefCollection } from '../model/schema.ts';
import type { LoadedContent } from '../editor/check.ts';
import { t } from '../strings.ts';

/** The helper field the client fills with the slug the desk gave a new entry; the server strips it. */
export const SLUG_FIELD = '_slug';

/** The name of the story widget the client registers (`CMS.registerWidget`). */
export const STORY_WIDGET = 'story';

/** The lists a content root names its references from. */
export type DeskLists = Omit<LoadedContent, 'entries'>;

export interface DeskConfigInput {
  /** `http://127.0.0.1:<port>/api/<token>/v1`. */
  proxyUrl: string;
  /** The branch checked out in the repository holding the content root. */
  branch: string;
  lists: DeskLists;
  /** True when the root keeps its entries in `entries/` itself, without county folders. */
  flat: boolean;
}

/** A JSON Schema node as `z.toJSONSchema` writes it for the entry schema, with the desk's marks. */
interface JsonNode {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  properties?: Record<string, JsonNode>;
  required?: string[];
  items?: JsonNode;
  /** Set by the desk's reference helper: the collection a reference names. */
  deskRef?: RefCollection;
  /** Set by the desk's image helper: the field holds a photo path. */
  deskImage?: boolean;
}

/** A field of Decap's configuration (the subset the desk writes). */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  options?: Array<{ label: string; value: string }>;
  pattern?: [string, string];
  value_type?: 'int';
  min?: number;
  max?: number;
  fields?: DecapField[];
  field?: DecapField;
  summary?: string;
  choose_url?: boolean;
}

/**
 * The entry schema as JSON Schema, references and photos marked: the schema's own factory
 * with helpers that say what a field is, so a reference is known by the schema, not by a list here.
 */
export function entryJsonSchema(): JsonNode {
  const schema = entrySchemaFor({
    image: () => z.string().meta({ deskImage: true }),
    reference: (collection) => z.string().meta({ deskRef: collection }),
  });
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
}

/** The regions in their official order. */
const regionsInOrder = (lists: DeskLists) => [...lists.regions].sort(([, a], [, b]) => a.order - b.order);

/** The Chinese names of a list's records, for a select: regions and titles by name, releases by title. */
function optionsOf(lists: DeskLists, collection: RefCollection): Array<{ label: string; value: string }> {
  const named = (records: ReadonlyMap<string, { name: string }>) =>
    [...records].map(([id, r]) => ({ label: r.name, value: id }));
  switch (collection) {
    case 'regions':
      return regionsInOrder(lists).map(([id, r]) => ({ label: r.name, value: id }));
    case 'categories':
      return [...lists.categories]
        .sort(([, a], [, b]) => a.order - b.order)
        .map(([id, c]) => ({ label: c.name, value: id }));
    case 'titles':
      return named(lists.titles);
    case 'releases':
      return [...lists.releases].map(([id, r]) => ({ label: r.title, value: id }));
  }
}

/** The Chinese words of an enum's values, where the site has them (kinds, statuses); else the value itself. */
function enumLabel(value: string): string {
  const words: Readonly<Record<string, string>> = { ...t.kinds, ...t.desk.statuses };
  return words[value] ?? value;
}

/** A pattern for Decap (`[regex, message]`), from the schema's pattern or its length bounds. */
function patternOf(node: JsonNode, label: string): [string, string] | undefined {
  if (node.pattern) return [node.pattern, t.desk.patternMessage(label)];
  if (node.format === 'uri') return ['^https?://\\S+$', t.desk.urlMessage];
  if (node.maxLength !== undefined) return [`^[\\s\\S]{0,${node.maxLength}}$`, t.desk.tooLong(node.maxLength)];
  return undefined;
}

/**
 * One form field from a schema node and its catalogue entry. `required` is what the form may
 * demand: a part of an optional record (a photo's alt) is not demanded while the record is empty,
 * so the form leaves it to the server, which names what is missing.
 */
function fieldOf(
  name: string,
  node: JsonNode,
  info: FieldInfo & { parts?: Readonly<Record<string, FieldInfo>> },
  required: boolean,
  lists: DeskLists,
): DecapField {
  const base = { name, label: info.label, required };
  if (node.deskRef) {
    return { ...base, widget: 'select', options: optionsOf(lists, node.deskRef) };
  }
  if (node.deskImage) {
    return { ...base, widget: 'image', hint: info.hint, choose_url: false };
  }
  if (node.enum) {
    // No default: a field left empty takes the schema's default (status: active) without being written.
    const options = node.enum.map((v) => ({ label: enumLabel(String(v)), value: String(v) }));
    return { ...base, widget: 'select', options };
  }
  switch (node.type) {
    case 'boolean':
      return { ...base, widget: 'boolean', hint: info.hint, required: false, default: node.default ?? false };
    case 'integer':
    case 'number':
      return {
        ...base,
        widget: 'number',
        hint: info.hint,
        ...(node.type === 'integer' ? { value_type: 'int' as const } : {}),
        ...(node.minimum === undefined ? {} : { min: node.minimum }),
        ...(node.maximum === undefined || node.maximum >= Number.MAX_SAFE_INTEGER ? {} : { max: node.maximum }),
      };
    case 'object': {
      const parts = info.parts ?? {};
      const own = new Set(node.required ?? []);
      const fields = Object.entries(node.properties ?? {}).map(([key, child]) =>
        fieldOf(key, child, parts[key] ?? { label: key, hint: '' }, required && own.has(key), lists),
      );
      return { ...base, widget: 'object', hint: info.hint, fields };
    }
    case 'array': {
      const item = node.items ?? {};
      const listBase = { ...base, widget: 'list', hint: info.hint, required: required || (node.minItems ?? 0) > 0 };
      if (item.type === 'object') {
        const parts = info.parts ?? {};
        const own = new Set(item.required ?? []);
        // A list's item exists once added: its own required parts are demanded.
        const fields = Object.entries(item.properties ?? {}).map(([key, child]) =>
          fieldOf(key, child, parts[key] ?? { label: key, hint: '' }, own.has(key), lists),
        );
        const first = fields[0]?.name;
        return { ...listBase, fields, ...(first ? { summary: `{{fields.${first}}}` } : {}) };
      }
      return { ...listBase, field: fieldOf(name, item, { label: info.label, hint: '' }, true, lists) };
    }
    default: {
      const pattern = patternOf(node, info.label);
      const long = (node.maxLength ?? 0) > 120;
      return { ...base, widget: long ? 'text' : 'string', hint: info.hint, ...(pattern ? { pattern } : {}) };
    }
  }
}

/** The form's fields: the catalogue's order, the schema's rules, the region fixed when the collection is a county's. */
export function entryFields(lists: DeskLists, fixedRegion: string | undefined): DecapField[] {
  const schema = entryJsonSchema();
  const required = new Set(schema.required ?? []);
  const fields = ENTRY_FIELD_ORDER.map((name: EntryField) => {
    const node = schema.properties?.[name];
    if (!node) throw new Error(`entry schema has no field ${name} (src/model/entry-fields.ts lists it)`);
    if (name === 'region' && fixedRegion !== undefined) {
      return { name, label: ENTRY_FIELDS.region.label, widget: 'hidden', default: fixedRegion };
    }
    return fieldOf(name, node, ENTRY_FIELDS[name], required.has(name), lists);
  });
  const unknown = Object.keys(schema.properties ?? {}).filter((k) => !(ENTRY_FIELD_ORDER as string[]).includes(k));
  if (unknown.length) throw new Error(`the catalogue (src/model/entry-fields.ts) lacks ${unknown.join(', ')}`);
  return [
    ...fields,
    { name: 'body', label: t.desk.story.label, hint: t.desk.story.hint, widget: STORY_WIDGET },
    { name: SLUG_FIELD, label: SLUG_FIELD, widget: 'hidden', required: false },
  ];
}

/** One folder collection: a county's folder (its region fixed), or the flat root's `entries/`. */
function collectionOf(name: string, label: string, folder: string, fields: DecapField[]) {
  return {
    name,
    label,
    label_singular: t.desk.entrySingular,
    folder,
    create: true,
    delete: false,
    extension: 'mdx',
    format: 'frontmatter',
    // The client's preSave listener puts the slug the desk chose (the project's pinyin rules) in this field.
    slug: `{{fields.${SLUG_FIELD}}}`,
    identifier_field: 'name',
    summary: '{{name}}',
    sortable_fields: ['name'],
    // Photos live beside the entry; the server names them <slug>.jpg when it saves.
    media_folder: '',
    public_folder: '',
    editor: { preview: true },
    fields,
  };
}

/** The collections' names: one per county (its region id), or `entries` for a flat root. */
export function collectionNames(lists: DeskLists, flat: boolean): string[] {
  return flat ? ['entries'] : regionsInOrder(lists).map(([id]) => id);
}

/** Decap's configuration as an object. */
export function deskConfig(o: DeskConfigInput) {
  const collections = o.flat
    ? [collectionOf('entries', t.desk.allEntries, 'entries', entryFields(o.lists, undefined))]
    : regionsInOrder(o.lists).map(([id, region]) =>
        collectionOf(id, region.name, `entries/${id}`, entryFields(o.lists, id)),
      );
  return {
    backend: { name: 'proxy', proxy_url: o.proxyUrl, branch: o.branch },
    locale: 'zh_Hans',
    // Required by Decap; every collection keeps its photos beside its entries instead.
    media_folder: 'entries',
    public_folder: '',
    show_preview_links: false,
    search: false,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
}

/** Decap's configuration as the YAML `/config.yml` serves. */
export function deskConfigYaml(o: DeskConfigInput): string {
  return stringify(deskConfig(o), { lineWidth: 0 });
}
