/**
 * Reading and writing entry files, through the one YAML library (`yaml`) and
 * the one reader of content (src/parse/yaml.ts: no anchors, aliases or tags,
 * sizes bounded).
 *
 * A new file gets its fields in the catalogue's order (src/model/entry-fields.ts),
 * empty and false values left out, so files made by `content:new` and
 * `content:import` look like hand-written ones. An edit of an existing file
 * (`editEntryFile`) rewrites only the text of the values that changed, found
 * by the nodes of the parsed document: every other byte of the front matter
 * (comments, spacing, quoting, the order editors chose) and the whole story
 * stay as they were. A field added by an edit goes where the catalogue puts
 * it; an honour added goes after the last one.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import { parseYamlDocument, YAML_LIMITS } from '../parse/yaml.ts';
import { ENTRY_FIELD_ORDER, partOrder } from '../model/entry-fields.ts';

/** How values are written: no folded lines, quotes only when YAML needs them. */
const WRITE = { lineWidth: 0, singleQuote: true } as const;

/** A top-level value a new file leaves out, and an edit treats as absent. */
const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0);

const isCollection = (v: unknown) => typeof v === 'object' && v !== null;
const isRecord = (v: unknown): v is Record<string, unknown> => isCollection(v) && !Array.isArray(v);

/** The keys of a record in `order` first, then the others as they come. */
function ordered(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const keys = [
    ...order.filter((k) => Object.hasOwn(value, k)),
    ...Object.keys(value).filter((k) => !order.includes(k)),
  ];
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

/** A field's value with its records' keys in the catalogue's order of its parts. */
function orderedValue(field: string, value: unknown): unknown {
  const parts = partOrder(field);
  if (!parts.length) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => (isRecord(item) ? ordered(item, parts) : item));
  return isRecord(value) ? ordered(value, parts) : value;
}

/**
 * Whether a YAML 1.1 reader (js-yaml, which wrote these files before, and many editors' tools)
 * would read a plain string as something else: a date, a yes/no, a number. The files are YAML 1.2,
 * where `1975-06-01` is text, but such strings are quoted so every reader agrees.
 */
function misreadAsYaml11(text: string): boolean {
  if (text.includes('\n') || !/^[\d+\-.~]|^[a-z]{1,5}$/i.test(text)) return false;
  const doc = parseDocument(text, { version: '1.1' });
  return doc.errors.length > 0 || !isScalar(doc.contents) || typeof doc.contents.value !== 'string';
}

/** The YAML text of a value, as a document of its own (ends with a newline). */
function yamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && misreadAsYaml11(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString(WRITE);
}

/** YAML front matter with fields in the catalogue's order and empty or false values left out. */
export function renderFrontmatter(data: Record<string, unknown>): string {
  const kept = Object.fromEntries(
    Object.entries(ordered(data, ENTRY_FIELD_ORDER))
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => [k, orderedValue(k, v)]),
  );
  return yamlText(kept).trimEnd();
}

/** A complete MDX entry file. */
export function renderEntryFile(data: Record<string, unknown>, body: string): string {
  return `---\n${renderFrontmatter(data)}\n---\n\n${body.trim()}\n`;
}

/** An entry file's front matter, where it lies in the file, and its story. */
function frontmatterOf(source: string): { start: number; end: number; frontmatter: string; body: string } {
  const split = splitFrontmatter(source);
  if (!split) throw new Error('entry file has no frontmatter');
  // The front matter starts on the line after the opening `---` (src/parse/frontmatter.ts).
  const start = source.indexOf('\n') + 1;
  return { start, end: start + split.frontmatter.length, ...split };
}

/** The front matter checked and parsed as src/parse/yaml.ts reads content. */
function parsedFrontmatter(frontmatter: string): { value: Record<string, unknown>; document: Document.Parsed } {
  const r = parseYamlDocument(frontmatter, YAML_LIMITS.frontmatter);
  if (!r.ok) throw new Error(`entry file front matter: ${r.problems.map((p) => p.message).join('; ')}`);
  return { value: isRecord(r.value) ? r.value : {}, document: r.document };
}

/** Reads an entry file's frontmatter and body (the file is assumed to pass the content check). */
export function readEntryFile(source: string): { data: Record<string, unknown>; body: string } {
  const { frontmatter, body } = frontmatterOf(source);
  return { data: parsedFrontmatter(frontmatter).value, body };
}

/** Replace `start`–`end` of the text with `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * The splices that turn a front matter's text into one holding `data`, each
 * over the text of one changed value; null when a change cannot be made in
 * place (the caller then rewrites through the document).
 */
class InPlace {
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  private lineStart(pos: number): number {
    return this.text.lastIndexOf('\n', pos - 1) + 1;
  }

  private column(pos: number): number {
    return pos - this.lineStart(pos);
  }

  /** Whether only spaces come before `pos` on its line. */
  private ownLine(pos: number): boolean {
    return this.text.slice(this.lineStart(pos), pos).trim() === '';
  }

  /** A multi-line YAML text placed at `column`: every line after the first indented to it. */
  private static indent(text: string, column: number): string {
    return text.replace(/\n(?=[^\n])/g, `\n${' '.repeat(column)}`);
  }

  private static block(node: unknown): boolean {
    return (isMap(node) || isSeq(node)) && !node.flow;
  }

  /** Where a node's text ends: after its line's comment and newline (a block collection's range already ends there). */
  private static end(node: Node): number {
    const [, valueEnd, nodeEnd] = node.range ?? [0, 0, 0];
    return InPlace.block(node) ? valueEnd : nodeEnd;
  }

  private static pairEnd(pair: Pair): number {
    return InPlace.end((pair.value ?? pair.key) as Node);
  }

  /** `text` as it must be inserted at `pos`: on a line of its own. */
  private lineAt(pos: number, text: string): string {
    return pos > 0 && this.text[pos - 1] !== '\n' ? `\n${text.replace(/\n$/, '')}` : text;
  }

  /** The text of `node` replaced by the YAML of `value`, keeping what follows it on its line. */
  private replaceNode(node: Node, value: unknown): Splice[] {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    const text = yamlText(value);
    if (!InPlace.block(node) && !isCollection(value) && !text.trimEnd().includes('\n')) {
      return [{ start, end: valueEnd, text: text.trimEnd() }];
    }
    if (!InPlace.block(node)) return [];
    const end = InPlace.end(node);
    const tail = this.text[end - 1] === '\n' ? text : text.replace(/\n$/, '');
    return [{ start, end, text: InPlace.indent(tail, this.column(start)) }];
  }

  /** A whole `key: value` pair replaced, or removed when `value` is undefined. */
  private replacePair(pair: Pair, key: string, value: unknown): Splice[] | null {
    const start = (pair.key as Node).range?.[0] ?? 0;
    if (!this.ownLine(start)) return null;
    const end = InPlace.pairEnd(pair);
    if (value === undefined) return [{ start: this.lineStart(start), end, text: '' }];
    const text = InPlace.indent(yamlText({ [key]: value }), this.column(start));
    return [{ start, end, text: this.text[end - 1] === '\n' ? text : text.replace(/\n$/, '') }];
  }

  /** A changed value in a block map: in place when its text is one line, else the pair. */
  private changeValue(pair: Pair, key: string, before: unknown, after: unknown, field: string): Splice[] | null {
    const node = pair.value as Node | null;
    // A key without a value (`gender:`) has nothing to replace in place.
    if (after === undefined || !node || (isScalar(node) && node.value === null))
      return this.replacePair(pair, key, after);
    if (isMap(node) && !node.flow && isRecord(before) && isRecord(after)) {
      const inner = this.map(node, before, after, partOrder(field), false);
      if (inner) return inner;
    }
    if (isSeq(node) && !node.flow && Array.isArray(before) && Array.isArray(after) && after.length >= before.length) {
      const inner = this.seq(node, before, after, field);
      if (inner) return inner;
    }
    if (!InPlace.block(node) && !isCollection(after) && !yamlText(after).trimEnd().includes('\n')) {
      return this.replaceNode(node, after);
    }
    return this.replacePair(pair, key, after);
  }

  /** A block sequence changed item by item, new items after the last. */
  private seq(node: YAMLSeq, before: unknown[], after: unknown[], field: string): Splice[] | null {
    const out: Splice[] = [];
    for (const [i, item] of node.items.entries()) {
      if (isDeepStrictEqual(before[i], after[i])) continue;
      const itemNode = item as Node;
      const next = orderedValue(field, [after[i]]) as unknown[];
      if (isMap(itemNode) && !itemNode.flow && isRecord(before[i]) && isRecord(after[i])) {
        const inner = this.map(itemNode, before[i], after[i], partOrder(field), false);
        if (inner) {
          for (const splice of inner) out.push(splice);
          continue;
        }
      }
      const replaced = this.replaceNode(itemNode, next[0]);
      if (!replaced.length) return null;
      for (const splice of replaced) out.push(splice);
    }
    const added = orderedValue(field, after.slice(before.length)) as unknown[];
    if (added.length) {
      const first = node.range?.[0] ?? 0;
      const last = node.items.at(-1) as Node | undefined;
      if (!last || !this.ownLine(first)) return null;
      const column = this.column(first);
      const at = InPlace.end(last);
      const text = InPlace.indent(yamlText(added), column);
      out.push({ start: at, end: at, text: this.lineAt(at, `${' '.repeat(column)}${text}`) });
    }
    return out;
  }

  /**
   * A block map changed key by key: changed values replaced, removed pairs
   * deleted, new pairs placed after the one `order` puts before them.
   * `emptyIsAbsent` for the top level, where a new file leaves empty values out.
   */
  map(
    node: YAMLMap,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    order: readonly string[],
    emptyIsAbsent: boolean,
  ): Splice[] | null {
    const norm = (v: unknown) => (emptyIsAbsent && isEmpty(v) ? undefined : v);
    const pairs = new Map<string, Pair>();
    for (const pair of node.items) if (isScalar(pair.key)) pairs.set(String(pair.key.value), pair);
    if (pairs.size !== node.items.length || !pairs.size) return null;
    const out: Splice[] = [];
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    const added = Object.keys(after)
      .filter((k) => !pairs.has(k))
      .sort((a, b) => rank(a) - rank(b));
    // Splices at one place are applied in the order they are made (editEntryFile), so new keys go in catalogue order.
    for (const key of [...pairs.keys(), ...added]) {
      const was = norm(before[key]);
      const now = norm(after[key]);
      if (isDeepStrictEqual(was, now)) continue;
      const pair = pairs.get(key);
      const splices = pair
        ? this.changeValue(pair, key, was, orderedValue(key, now), key)
        : this.insertPair(node, pairs, key, orderedValue(key, now), order);
      if (!splices) return null;
      for (const splice of splices) out.push(splice);
    }
    return out;
  }

  /** A new pair, after the nearest key `order` puts before it (or before the nearest after it; unknown keys last). */
  private insertPair(
    node: YAMLMap,
    pairs: ReadonlyMap<string, Pair>,
    key: string,
    value: unknown,
    order: readonly string[],
  ): Splice[] | null {
    const at = order.indexOf(key);
    const before = at < 0 ? [...pairs.keys()] : order.slice(0, at).filter((k) => pairs.has(k));
    const previous = before.length ? pairs.get(before.at(-1) ?? '') : undefined;
    const firstKey = (node.items[0]?.key as Node | undefined)?.range?.[0] ?? 0;
    const column = this.column(firstKey);
    const text = `${' '.repeat(column)}${InPlace.indent(yamlText({ [key]: value }), column)}`;
    if (previous) {
      const pos = InPlace.pairEnd(previous);
      return [{ start: pos, end: pos, text: this.lineAt(pos, text) }];
    }
    const following = order
      .slice(at + 1)
      .map((k) => pairs.get(k))
      .find(Boolean);
    const start = (following?.key as Node | undefined)?.range?.[0];
    if (start === undefined || !this.ownLine(start)) return null;
    const pos = this.lineStart(start);
    return [{ start: pos, end: pos, text }];
  }
}

/** Plain data as JSON has it (undefined members dropped), to compare what was written with what was meant. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null)) as unknown;

/** The top-level data a front matter means, empty values as absent. */
function meaning(data: Record<string, unknown>): unknown {
  return asJson(Object.fromEntries(Object.entries(data).filter(([, v]) => !isEmpty(v))));
}

/**
 * An existing entry file with its front matter changed to `data` (as read by
 * `readEntryFile`, then edited): only the values that changed are rewritten,
 * every other byte of the file stays as it was. A change that cannot be made
 * in place (a front matter that is not a block of `key: value` lines) is made
 * through the parsed document, which still keeps the comments.
 */
export function editEntryFile(source: string, data: Record<string, unknown>): string {
  const { start, end, frontmatter } = frontmatterOf(source);
  // A file of Windows line endings only is edited as LF text and written back in CRLF; a mixed one as it is.
  const crlf = frontmatter.includes('\r\n') && !/(^|[^\r])\n/.test(frontmatter);
  const text = crlf ? frontmatter.replace(/\r\n/g, '\n') : frontmatter;
  const { value: before, document } = parsedFrontmatter(text);
  const wanted = meaning(data);
  /** The edited front matter in the file's line endings, if it reads back as `data`. */
  const checked = (fm: string) => {
    const out = crlf ? fm.replace(/\n/g, '\r\n') : fm;
    const read = parseYamlDocument(out, YAML_LIMITS.frontmatter);
    return read.ok && isRecord(read.value) && isDeepStrictEqual(meaning(read.value), wanted) ? out : undefined;
  };

  const root = document.contents;
  const splices = isMap(root) && !root.flow ? new InPlace(text).map(root, before, data, ENTRY_FIELD_ORDER, true) : null;
  let edited: string | undefined;
  if (splices) {
    const spliced = splices
      .map((splice, made) => ({ ...splice, made }))
      .sort((a, b) => b.start - a.start || b.made - a.made)
      .reduce((fm, s) => fm.slice(0, s.start) + s.text + fm.slice(s.end), text);
    // The front matter's last line has no newline of its own (the `---` line follows); removing it leaves one.
    edited = checked(!text.endsWith('\n') && spliced.endsWith('\n') ? spliced.slice(0, -1) : spliced);
  }
  if (edited === undefined) {
    // Through the document: the comments stay, the layout is the library's.
    for (const key of new Set([...Object.keys(before), ...Object.keys(data)])) {
      const was = isEmpty(before[key]) ? undefined : before[key];
      const now = isEmpty(data[key]) ? undefined : data[key];
      if (isDeepStrictEqual(was, now)) continue;
      if (now === undefined) document.delete(key);
      else document.set(key, document.createNode(orderedValue(key, now)));
    }
    edited = checked(document.toString(WRITE).replace(/\n$/, ''));
  }
  if (edited === undefined) throw new Error('entry file: the edited front matter does not read back as the data given');
  return source.slice(0, start) + edited + source.slice(end);
}
