/**
 * Rules that span collections: references that must exist, slugs that must
 * be unique, honours that must agree with their release. Astro only logs a
 * broken reference, so these rules are what make the build fail.
 */
import type { Problem, ProblemCode } from '../rules/problems.ts';
import {
  slugPattern,
  SLUG_MAX_LENGTH,
  yearOf,
  type EntryRecord,
  type HonourRecord,
  type ReleaseRecord,
  type TitleData,
} from '../model/schema.ts';
import { ADULT_AGE, ageOn, honourDay } from '../model/age.ts';
import { ROLL_ORDERS } from '../rules/roll-order.ts';
import { refId } from '../rules/ref-id.ts';
import type { Kind } from '../model/schema.ts';
import { lookupRef, refMessage, type RefKind, type RefLists } from './ref-names.ts';
import { expectedSlug, renameHint } from './file-name.ts';

/** What the cross-collection rules need to know about one entry: its schema fields (src/model/schema.ts) and where it lives. */
export type EntryFacts = Pick<
  EntryRecord,
  'name' | 'region' | 'category' | 'minor' | 'formerSlugs' | 'birth' | 'summary'
> & {
  id: string;
  file: string;
  /** The entry's kind, for the file name it should have (person when not known). */
  kind?: Kind;
  honours: Array<Pick<HonourRecord, 'title' | 'year' | 'release'>>;
};

/** Maps parsed entry data (Astro's or the stand-alone parser's) to the facts the rules need. */
export function entryFacts(id: string, file: string, data: Record<string, unknown>): EntryFacts {
  const honours = Array.isArray(data.honours) ? (data.honours as Array<Record<string, unknown>>) : [];
  return {
    id,
    file,
    name: typeof data.name === 'string' ? data.name : '',
    ...(data.kind === 'person' || data.kind === 'family' || data.kind === 'group' ? { kind: data.kind } : {}),
    region: refId(data.region),
    category: refId(data.category),
    minor: data.minor === true,
    honours: honours.map((h) => ({
      title: refId(h.title),
      year: Number(h.year),
      release: h.release === undefined ? undefined : refId(h.release),
    })),
    formerSlugs: Array.isArray(data.formerSlugs) ? data.formerSlugs.map(String) : [],
    birth: typeof data.birth === 'string' ? data.birth : undefined,
    summary: typeof data.summary === 'string' ? data.summary : '',
  };
}

/** Character bigrams of a text, punctuation and spaces removed. */
function bigrams(text: string): Set<string> {
  const chars = Array.from(text.replace(/[\s\p{P}]/gu, ''));
  const out = new Set<string>();
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    if (next) out.add(c + next);
  });
  return out;
}

/** Share of bigrams two texts have in common (Jaccard), 0 to 1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return both / (x.size + y.size - both);
}

/** Summaries at least this similar, with the same name and region, are likely the same person. */
export const DUPLICATE_SIMILARITY = 0.5;

/** A name with all whitespace (full-width too) removed: the desk and hand edits keep what was typed, the import does not. */
const bareName = (name: string) => name.replace(/\s/gu, '');

/**
 * Warnings for entries that are likely the same person twice: same name and
 * region and birth date, or same name and region and a very similar summary.
 */
export function likelyDuplicates(entries: readonly EntryFacts[]): Problem[] {
  const groups = new Map<string, EntryFacts[]>();
  for (const e of entries) {
    const key = `${bareName(e.name)}|${e.region}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const problems: Problem[] = [];
  const warned = new Set<string>();
  for (const group of groups.values()) {
    for (const [i, a] of group.entries()) {
      for (const b of group.slice(i + 1)) {
        const sameBirth = a.birth !== undefined && a.birth === b.birth;
        const close = similarity(a.summary, b.summary) >= DUPLICATE_SIMILARITY;
        if (!sameBirth && !close) continue;
        // Once a file: the first earlier file it matches (35 copies of one person made 595 warnings).
        if (warned.has(b.file)) continue;
        warned.add(b.file);
        problems.push({
          file: b.file,
          field: 'name',
          severity: 'warning',
          code: 'person.likely-duplicate',
          message: `可能与 ${a.file} 是同一人（同名、同地区、${sameBirth ? '出生日期相同' : '事迹相近'}）：如果是同一人，请把荣誉合并到一个文件，删除另一个；如果不是，可以忽略此提醒`,
        });
      }
    }
  }
  return problems;
}

export interface Taxonomy {
  /** Where each collection came from, for messages. */
  files: { regions: string; titles: string; categories: string; releases: string };
  regions: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  titles: ReadonlyMap<string, Pick<TitleData, 'forMinors' | 'name'>>;
  releases: ReadonlyMap<string, Pick<ReleaseRecord, 'honour' | 'date'>>;
  /** The lists with their names, for what a name in place of an id means; ids alone when not given. */
  lists?: RefLists;
}

/** The lists a taxonomy's references are looked up in. */
function listsOf(tax: Taxonomy): RefLists {
  if (tax.lists) return tax.lists;
  const bare = (ids: Iterable<string>) => new Map([...ids].map((id) => [id, { name: '', aliases: [] }]));
  return {
    regions: bare(tax.regions),
    categories: bare(tax.categories),
    titles: new Map([...tax.titles].map(([id, t]) => [id, { name: t.name, issuer: '' }])),
    releases: tax.releases,
  };
}

/**
 * The references of an entry whose front matter the schema or the YAML refused, judged all the
 * same from what could be read: a region or title written by its name is said in the same run as
 * a summary too short (the check otherwise took three runs to say everything).
 */
export function refusedEntryRefs(
  file: string,
  data: Readonly<Record<string, unknown>>,
  lists: RefLists,
  files: Taxonomy['files'],
): Problem[] {
  const problems: Problem[] = [];
  const judge = (
    code: ProblemCode,
    field: string,
    kind: RefKind,
    value: unknown,
    what: string,
    list: string,
    honour?: { title: string; year: number },
  ) => {
    if (typeof value !== 'string' || value === '' || lookupRef(lists, kind, value, honour).is === 'id') return;
    problems.push({
      file,
      field,
      severity: 'error',
      code,
      message: refMessage(lists, kind, value, what, list, honour),
    });
  };
  judge('ref.region-unknown', 'region', 'region', data.region, '地区', files.regions);
  judge('ref.category-unknown', 'category', 'category', data.category, '类别', files.categories);
  const honours = Array.isArray(data.honours) ? (data.honours as unknown[]) : [];
  honours.forEach((h, i) => {
    const honour = (h ?? {}) as Record<string, unknown>;
    judge('ref.title-unknown', `honours[${i}].title`, 'title', honour.title, '称号', files.titles);
    const title = typeof honour.title === 'string' ? honour.title : '';
    const found = title ? lookupRef(lists, 'title', title) : undefined;
    const titleId = found?.is === 'name' ? found.id : title;
    const year = typeof honour.year === 'number' ? honour.year : 0;
    judge('ref.release-unknown', `honours[${i}].release`, 'release', honour.release, '发布批次', files.releases, {
      title: titleId,
      year,
    });
  });
  return problems;
}

/** Every cross-collection problem in the content, in file order. */
export function validateContent(tax: Taxonomy, entries: readonly EntryFacts[]): Problem[] {
  const problems: Problem[] = [];
  const err = (code: ProblemCode, file: string, field: string, message: string) =>
    problems.push({ file, field, message, severity: 'error', code });
  const lists = listsOf(tax);
  /** A region as written, or the id its name means, for the file name an entry should have. */
  const regionId = (value: string) => {
    const found = lookupRef(lists, 'region', value);
    return found.is === 'name' ? found.id : value;
  };
  const allSlugs = new Set(entries.flatMap((e) => [e.id, ...e.formerSlugs]));
  /** The rename that fixes an entry's file name: the slug computed from its name and region. */
  const rename = (e: EntryFacts) => {
    const taken = new Set(allSlugs);
    taken.delete(e.id);
    return renameHint(expectedSlug(e.id, { name: e.name, kind: e.kind, region: regionId(e.region) }, taken));
  };

  for (const [id, release] of tax.releases) {
    if (!tax.titles.has(release.honour)) {
      err(
        'ref.title-unknown',
        tax.files.releases,
        `${id}.honour`,
        `称号 “${release.honour}” 不存在，请改为 ${tax.files.titles} 中的某个 id`,
      );
    }
  }

  /** Why a slug would take over a roll's page (/people/2/, /people/strokes/), or undefined. */
  const reserved = (slug: string) =>
    /^\d+$/.test(slug)
      ? `“${slug}” 是榜单的页码`
      : (ROLL_ORDERS as readonly string[]).includes(slug)
        ? `“${slug}” 是榜单排序页的网址`
        : undefined;

  const owners = new Map<string, string>();
  for (const e of entries) {
    const taken = reserved(e.id);
    if (taken) err('file.name-taken', e.file, '文件名', `文件名 ${taken}，会占用那个页面：${rename(e)}`);
    const previous = owners.get(e.id);
    if (previous) {
      err(
        'file.name-taken',
        e.file,
        '文件名',
        `网址标识 “${e.id}” 与 ${previous} 重复，请给其中一个文件改名（例如末尾加 -2）`,
      );
    } else {
      owners.set(e.id, e.file);
    }
    if (!slugPattern.test(e.id)) {
      err('file.name', e.file, '文件名', `文件名 “${e.id}” 不能作网址（只能用小写拼音、数字和连字符）：${rename(e)}`);
    } else if (e.id.length > SLUG_MAX_LENGTH) {
      err(
        'file.name',
        e.file,
        '文件名',
        `文件名 “${e.id.slice(0, 40)}…” 太长（${e.id.length} 个字符，最多 ${SLUG_MAX_LENGTH} 个）：${rename(e)}`,
      );
    }
  }

  const current = new Map(owners);
  const formerOwners = new Map<string, string>();
  for (const e of entries) {
    e.formerSlugs.forEach((slug, i) => {
      const field = `formerSlugs[${i}]`;
      const taken = reserved(slug);
      const owner = current.get(slug);
      const other = formerOwners.get(slug);
      if (taken) err('file.former-slug', e.file, field, `旧网址 ${taken}，转向会占用那个页面：请删除这一项`);
      else if (slug === e.id)
        err(
          'file.former-slug',
          e.file,
          field,
          `旧网址 “${slug}” 就是这个条目现在的网址，转向会替换它自己的页面：请删除这一项`,
        );
      else if (owner)
        err(
          'file.former-slug',
          e.file,
          field,
          `旧网址 “${slug}” 是 ${owner} 现在的网址，转向会替换那个页面：请删除这一项`,
        );
      else if (other && other !== e.file)
        err(
          'file.former-slug',
          e.file,
          field,
          `旧网址 “${slug}” 已是 ${other} 的旧网址，两个转向不能同名：请删除其中一项`,
        );
      else if (other) err('file.former-slug', e.file, field, `旧网址 “${slug}” 写了两次：请删除重复的一项`);
      else formerOwners.set(slug, e.file);
    });

    // A Chinese name has no spaces; one typed with a space is a duplicate the roll cannot see.
    if ((e.kind ?? 'person') === 'person' && /\s/u.test(e.name)) {
      problems.push({
        file: e.file,
        field: 'name',
        severity: 'warning',
        code: 'person.name-space',
        message: `姓名 “${e.name}” 里有空格：中文姓名中间不空格，请删掉空格（写成 “${bareName(e.name)}”），以免同一人被当成两个人`,
      });
    }
    if (!tax.regions.has(e.region)) {
      err('ref.region-unknown', e.file, 'region', refMessage(lists, 'region', e.region, '地区', tax.files.regions));
    }
    if (!tax.categories.has(e.category)) {
      err(
        'ref.category-unknown',
        e.file,
        'category',
        refMessage(lists, 'category', e.category, '类别', tax.files.categories),
      );
    }
    if (e.birth && !e.minor) {
      const young = e.honours.find((h) => {
        const release = h.release === undefined ? undefined : tax.releases.get(h.release);
        return ageOn(e.birth ?? '', honourDay(h.year, release?.date)) < ADULT_AGE;
      });
      if (young) {
        err(
          'person.minor',
          e.file,
          'birth',
          `按出生日期 ${e.birth}，${e.name} 在 ${young.year} 年获得荣誉时未满 ${ADULT_AGE} 周岁：请加上 minor: true（未成年人只公开姓名、学校和事迹，照片和出生年月要删除）；如出生日期写错，请改正`,
        );
      }
    }
    e.honours.forEach((h, i) => {
      const title = tax.titles.get(h.title);
      if (!title) {
        err(
          'ref.title-unknown',
          e.file,
          `honours[${i}].title`,
          refMessage(lists, 'title', h.title, '称号', tax.files.titles),
        );
      } else if (title.forMinors && !e.minor) {
        err('person.minor', e.file, 'minor', `“${title.name}”只授予未成年人，请加上 minor: true 或改正称号`);
      }
      if (h.release === undefined) {
        // The quarter's list is made from releases: an honour without one is left out of it.
        const ids = [...tax.releases]
          .filter(([, r]) => r.honour === h.title && yearOf(r.date) === h.year)
          .map(([id]) => id);
        if (title && ids.length)
          problems.push({
            file: e.file,
            field: `honours[${i}].release`,
            severity: 'warning',
            code: 'ref.release-missing',
            message: `“${title.name}” ${h.year} 年按批次发布（${ids.join('、')}），这一项没写发布批次，不会出现在那一期的名单里：请在“发布批次”选上它所属的一期；确实不属于任何一期，可以忽略此提醒`,
          });
        return;
      }
      const release = tax.releases.get(h.release);
      if (!release) {
        // A title written by its name is looked up by the id it means, so 第3期 finds its release.
        const titleFound = title ? undefined : lookupRef(lists, 'title', h.title);
        const titleId = titleFound?.is === 'name' ? titleFound.id : h.title;
        err(
          'ref.release-unknown',
          e.file,
          `honours[${i}].release`,
          refMessage(lists, 'release', h.release, '发布批次', tax.files.releases, { title: titleId, year: h.year }),
        );
        return;
      }
      // A title that is not an id is said above; the release is compared with an id only.
      if (title && release.honour !== h.title) {
        err(
          'ref.release-mismatch',
          e.file,
          `honours[${i}].title`,
          `批次 ${h.release} 发布的是 “${release.honour}”，与这里的 “${h.title}” 不符，请改正称号或批次`,
        );
      }
      if (yearOf(release.date) !== h.year) {
        err(
          'ref.release-mismatch',
          e.file,
          `honours[${i}].year`,
          `批次 ${h.release} 在 ${yearOf(release.date)} 年发布，这里写的是 ${h.year} 年，请改为 ${yearOf(release.date)}`,
        );
      }
    });
  }
  return problems;
}
