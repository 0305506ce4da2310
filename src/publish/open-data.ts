/**
 * Open data: every published entry as JSON and CSV, and each release's
 * batch. Only what the pages themselves show: minors by name, school and
 * deed; withdrawn entries by id and status only. See docs/open-data.md.
 */
import type { Category, Honouree, HonourView, Region, Title } from '../roll/roll.ts';
import type { EntryRecord, Level } from '../model/schema.ts';
import type { EntryField } from '../model/entry-fields.ts';
import type { PublicView } from '../model/public-view.ts';
import { routes } from '../model/routes.ts';

/** The public facts of an entry as open data: exactly the view's fields (src/model/public-view.ts), never more. */
type OpenFacts = Partial<
  Pick<PublicView, 'gender' | 'birth' | 'ethnicity' | 'unit' | 'role' | 'school' | 'deceased' | 'minor'>
>;

export interface OpenRecord extends OpenFacts, Partial<Pick<Honouree, 'name' | 'kind' | 'summary'>> {
  id: string;
  url: string;
  status: EntryRecord['status'];
  region?: string;
  regionName?: Region['name'];
  category?: string;
  categoryName?: Category['name'];
  withdrawnOn?: NonNullable<EntryRecord['withdrawal']>['date'];
  /** The story as plain text, paragraphs on lines of their own (what a portal indexes). */
  story?: string;
  honours?: Array<
    Pick<HonourView, 'year' | 'session' | 'batch'> & {
      title: string;
      titleName: Title['name'];
      level: Level;
      release?: string;
    }
  >;
}

/** Character references the engine's story HTML uses (it escapes with numeric ones, and these names). */
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The plain text of a story as the engine rendered it (escaped HTML, no raw
 * HTML from content): each block on a line of its own, tags out, character
 * references decoded. The same words the entry page shows, nothing more.
 */
export function storyPlainText(html: string): string {
  return html
    .replace(/<\/(?:p|h[1-6]|li|blockquote|figcaption|tr|pre)>|<br\s*\/?>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex?: string, dec?: string, name?: string) => {
      const code = hex ? parseInt(hex, 16) : dec ? Number(dec) : undefined;
      if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      return NAMED[name?.toLowerCase() ?? ''] ?? whole;
    })
    .split('\n')
    .map((line) => line.replace(/[ \t\r]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** One entry as open data; `story` is its story's HTML as the entry page shows it. */
export function openRecord(e: Honouree, siteUrl: string, story?: string): OpenRecord {
  const url = new URL(routes.entry(e.id), siteUrl).href;
  const d = e.view;
  if (d.withdrawn) return { id: e.id, url, status: 'withdrawn', withdrawnOn: d.withdrawn.date };
  const base: OpenRecord = {
    id: e.id,
    url,
    status: 'active',
    name: e.name,
    kind: e.kind,
    region: e.region.id,
    regionName: e.region.name,
    category: e.category.id,
    categoryName: e.category.name,
    summary: e.summary,
    story: story === undefined ? undefined : storyPlainText(story),
    deceased: d.deceased,
    honours: [...e.ladder].reverse().map((h) => ({
      title: h.title.id,
      titleName: h.title.name,
      level: h.title.level,
      year: h.year,
      session: h.session,
      release: h.release?.id,
      batch: h.batch,
    })),
  };
  if (d.minor) return { ...base, minor: true, school: d.school, birth: d.birth };
  return { ...base, gender: d.gender, birth: d.birth, ethnicity: d.ethnicity, unit: d.unit, role: d.role };
}

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'url',
  'status',
  'name',
  'kind',
  'regionName',
  'categoryName',
  'honours',
  'summary',
  'gender',
  'birth',
  'ethnicity',
  'unit',
  'role',
  'school',
  'deceased',
  'minor',
  'withdrawnOn',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Where each front-matter field (src/model/entry-fields.ts) goes in the CSV: its columns, or
 * null when open data leaves it out. A schema field not placed here is a type error; the CSV
 * columns above are exactly these and the record's own `id` and `url` (open-data.test.ts).
 */
export const CSV_COLUMNS_OF_FIELD = {
  name: ['name'],
  kind: ['kind'],
  region: ['regionName'],
  category: ['categoryName'],
  honours: ['honours'],
  summary: ['summary'],
  /** Published as the entry page's photo, not as data. */
  photo: null,
  gender: ['gender'],
  birth: ['birth'],
  ethnicity: ['ethnicity'],
  /** An adult's work unit, or a minor's school (src/model/public-view.ts). */
  unit: ['unit', 'school'],
  role: ['role'],
  deceased: ['deceased'],
  minor: ['minor'],
  /** Decides only whether a minor's `birth` is shown. */
  allowBirth: null,
  status: ['status'],
  /** The day only: the reason is on the entry page. */
  withdrawal: ['withdrawnOn'],
  /** Redirects, not facts. */
  formerSlugs: null,
  /** Links on the entry page. */
  sources: null,
  /** Drafts are never published. */
  draft: null,
} as const satisfies Record<EntryField, readonly CsvColumn[] | null>;

/**
 * One CSV cell. A cell that begins with = + - @, a tab or a carriage return
 * is a formula to Excel and WPS (=HYPERLINK(…) in a summary would run when an
 * office opens the file): OWASP's advice is to lead it with a single quote,
 * which the spreadsheet shows as text. JSON keeps the exact value.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const raw = value === undefined || value === null ? '' : String(value);
  const s = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 CSV with a BOM, so Excel opens the Chinese text correctly; honours joined with "; ". */
export function toCsv(records: readonly OpenRecord[]): string {
  const rows = records.map((r) =>
    CSV_COLUMNS.map((c) =>
      csvCell(c === 'honours' ? r.honours?.map((h) => `${h.year} ${h.titleName}`).join('; ') : r[c]),
    ).join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * `JSON.stringify({ ...head, records }, null, 1)` — the same bytes — in
 * pieces: the head, then one record at a time, each made only when the
 * previous one is written. The whole roll's JSON (34 MB at 10,000 entries
 * with stories) was a string, its UTF-8 copy and the response's copy at once,
 * with every record and its story kept for the whole build: the build's
 * memory peak (docs/performance.md). `records` must be the head's last key.
 */
export function* jsonPieces(head: Record<string, unknown>, records: Iterable<object>): Generator<string> {
  const empty = JSON.stringify({ ...head, records: [] }, null, 1);
  const at = empty.lastIndexOf('[]');
  let first = true;
  for (const record of records) {
    // A record is two levels deep: each of its lines (strings hold no line breaks) is indented by two more.
    const text = JSON.stringify(record, null, 1).replaceAll('\n', '\n  ');
    yield `${first ? `${empty.slice(0, at)}[\n` : ',\n'}  ${text}`;
    first = false;
  }
  yield first ? empty : '\n ]\n}';
}

/** A response body of `pieces`, encoded as they are read (never the whole text at once). */
export function streamOf(pieces: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}
