/**
 * Named zod schemas for every content collection.
 *
 * They are factories over the two helpers that differ inside Astro (the
 * photo, read by the entry loader, and `reference()`), so the same rules serve `src/content.config.ts`
 * and the stand-alone content check in `scripts/`, which passes plain-string
 * stand-ins. Error messages are plain Chinese and say how to fix the problem.
 */
import { z } from 'astro/zod';

/** Levels of an honour title, from the lowest rung of the ladder to the highest. */
export const LEVELS = ['county', 'city', 'provincial', 'national'] as const;
export type Level = (typeof LEVELS)[number];

/** Kinds of honouree. */
export const KINDS = ['person', 'family', 'group'] as const;
export type Kind = (typeof KINDS)[number];

/** Collections an entry may point at by id. */
export type RefCollection = 'regions' | 'titles' | 'releases' | 'categories';

/** Longest photo path an entry may give, in characters (`./zhang-jianguo-yaodu.jpg` is 25). */
export const PHOTO_PATH_MAX_LENGTH = 80;

/** The message of a photo path longer than PHOTO_PATH_MAX_LENGTH. */
export const PHOTO_PATH_TOO_LONG = `照片文件名太长（最多 ${PHOTO_PATH_MAX_LENGTH} 个字符）：请把照片改名，例如 ./zhang-jianguo-yaodu.jpg`;

/** The two helpers that differ inside Astro, or stand-ins for them. */
export interface SchemaHelpers<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** Validates a photo (the read photo file inside Astro, `photoFileSchema`; its path outside Astro). */
  image: () => I;
  /** Validates an id in another collection (Astro's `reference()`, or a string outside Astro). */
  reference: (collection: RefCollection) => R;
}

/**
 * A photo inside Astro: the entry loader reads the file the entry names
 * (src/photos/photo-file.ts) and puts this in place of its path, so pages
 * never import a photo and an entry's data changes when its photo does.
 */
export const photoFileSchema = z.strictObject({
  /** The path as the entry wrote it. */
  path: z.string().max(PHOTO_PATH_MAX_LENGTH, { error: PHOTO_PATH_TOO_LONG }),
  /** The first 64 bits of the file's SHA-256 in the letters a-p: part of every rendition's name. */
  digest: z.string().regex(/^[a-p]{16}$/),
  /** Width as shown (EXIF orientation applied), px. */
  width: z.number().int().positive(),
  /** Height as shown, px. */
  height: z.number().int().positive(),
});

/** Earliest year an honour on this roll can carry (national moral models began in 2007; older local honours exist). */
export const FIRST_HONOUR_YEAR = 1949;
/** Earliest plausible birth year of a living or recently honoured person. */
export const FIRST_BIRTH_YEAR = 1900;

/** Lower-case ASCII words joined by single hyphens: the form of every id and slug. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Longest id or slug, in characters: a slug is a folder name, a URL segment
 * and part of a file name (`<slug>.mdx`); a `formerSlugs` entry of 263
 * characters stopped the build with ENAMETOOLONG. Real ones are under 40
 * (zhang-jianguo-yaodu-2 is 21).
 */
export const SLUG_MAX_LENGTH = 60;

/** Why `id` cannot be an id or slug (`what` names it in the message), or undefined. */
export function slugProblem(id: string, what: string): string | undefined {
  const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
  if (id.length > SLUG_MAX_LENGTH) {
    return `${what}“${shown}”太长（${id.length} 个字符，最多 ${SLUG_MAX_LENGTH} 个）：请改短，例如只用姓名拼音加地区，zhang-jianguo-yaodu`;
  }
  if (!slugPattern.test(id)) {
    return `${what}“${shown}”只能使用小写拼音字母、数字和单个连字符（-），例如 zhang-jianguo-yaodu`;
  }
  return undefined;
}

/** An id made of lower-case pinyin/ASCII words joined by hyphens, at most SLUG_MAX_LENGTH characters. */
export const slugSchema = z
  .string({ error: '必须是由小写拼音字母、数字和连字符组成的标识，例如 zhang-jianguo-yaodu' })
  .max(SLUG_MAX_LENGTH, {
    error: `太长（最多 ${SLUG_MAX_LENGTH} 个字符）：请改短，例如只用姓名拼音加地区，zhang-jianguo-yaodu`,
  })
  .regex(slugPattern, {
    error: '只能使用小写拼音字母、数字和单个连字符（-），例如 zhang-jianguo-yaodu',
  });

/**
 * A Chinese message for any issue a schema left without its own (zod's are
 * English): passed to every `safeParse` whose messages editors read.
 */
export function chineseIssue(issue: {
  code?: string;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  expected?: unknown;
  values?: unknown[];
}): string {
  const unit = issue.origin === 'string' ? ' 个字' : issue.origin === 'array' ? ' 项' : '';
  const sized = issue.origin === 'string' || issue.origin === 'array';
  switch (issue.code) {
    case 'too_big':
      return sized
        ? `太长（最多 ${String(issue.maximum)}${unit}），请删减`
        : `太大（最大是 ${String(issue.maximum)}），请核对`;
    case 'too_small':
      if (!sized) return `太小（最小是 ${String(issue.minimum)}），请核对`;
      return Number(issue.minimum) <= 1 ? '不能为空，请填写' : `太短（至少 ${String(issue.minimum)}${unit}），请补全`;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return '必须是数字';
      if (issue.expected === 'string') return '必须是一段文字';
      if (issue.expected === 'boolean') return '只能是 true 或 false';
      if (issue.expected === 'array') return '必须是列表（每项以 “- ” 开头）';
      return '填写的类型不对，请参照示例内容';
    case 'invalid_value':
      return `只能是 ${(issue.values ?? []).map(String).join('、')} 之一`;
    case 'unrecognized_keys':
      return '有不认识的项：请检查拼写，或删除它';
    default:
      return '格式不对，请参照示例内容改正';
  }
}

/** Non-empty trimmed Chinese text; `what` names the field in the message. */
const text = (what: string, max = 200) =>
  z
    .string({ error: `必须填写${what}（一段文字）` })
    .trim()
    .min(1, { error: `${what}不能为空，请填写${what}` })
    .max(max, { error: `${what}太长（最多 ${max} 个字），请删减` });

function yearNow(): number {
  return new Date().getUTCFullYear();
}

/** Converts a YAML value (number, string or Date) to a YYYY, YYYY-MM or YYYY-MM-DD string. */
function toPartialDate(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return String(value);
  return value;
}

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * A date that may be only a year or a year and month, kept as written:
 * `1962`, `1962-05` or `1962-05-17`.
 */
export const partialDateSchema = z.preprocess(
  toPartialDate,
  z.string({ error: '日期格式应为 年、年-月 或 年-月-日，例如 1962、1962-05 或 1962-05-17' }).regex(PARTIAL_DATE, {
    error: '日期格式应为 年、年-月 或 年-月-日，例如 1962、1962-05 或 1962-05-17',
  }),
);

/** A full calendar date (YYYY-MM-DD), as written in YAML. */
export const fullDateSchema = z.preprocess(
  toPartialDate,
  z.string({ error: '日期格式应为 年-月-日，例如 2026-03-15' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    error: '日期格式应为 年-月-日，例如 2026-03-15',
  }),
);

/** The year of a partial date string. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Most members a portal may have (a province has a few dozen cities at most). */
export const MEMBERS_MAX = 64;

/** One member city of a provincial portal. */
export const memberSchema = z.strictObject(
  {
    /** The member's id, a lowercase word: its records are `<id>/<slug>` on the portal, e.g. linfen. */
    id: z.string().regex(slugPattern, { error: 'members 的 id 只能用小写字母、数字和连字符，例如 linfen' }).max(40),
    /** The member's name as the portal shows it, e.g. 临汾市. */
    name: text('成员名称', 20),
    /** The member site's base URL: every record's page must be under it. */
    url: z.url({
      protocol: /^https?$/,
      error: 'members 的 url 必须是成员网站的完整网址，例如 https://hrb.linfen.example.cn',
    }),
    /**
     * Its data inside the portal's content root: a release folder holding `SHA256SUMS` and
     * `data/entries.json`, or an `entries.json` file (npm run portal:fetch stores them).
     */
    data: z
      .string()
      .regex(/^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[\w./-]+$/, {
        error: 'members 的 data 必须是内容目录里的相对路径，例如 members/linfen',
      })
      .max(200),
    /** The SHA-256 the province expects of the data (of `SHA256SUMS` for a release folder, else of the file). */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, { error: 'members 的 sha256 必须是 64 位十六进制校验值' })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'members 的每一项只能有 id、name、url、data、sha256' : undefined,
  },
);

/** Site-wide settings: one record per content root. */
export const siteSchema = z.object({
  /** City name as shown in titles, e.g. 临汾市. */
  city: text('城市名称', 20),
  /** Province name, e.g. 山西省. */
  province: text('省份名称', 20),
  /** Site title shown in the header and the browser tab. */
  title: text('网站标题', 40),
  /** Absolute base URL the site is published at, used for canonical links and share data. */
  url: z.url({ protocol: /^https?$/, error: '必须是以 https:// 开头的完整网址，例如 https://hrb.example.cn' }),
  /** One-paragraph description for search engines and the home page. */
  description: text('网站简介', 300),
  /** How residents report an error, in words; any email, phone or address in it must be one of `contact`. */
  corrections: text('纠错联系方式', 200),
  /** The office's own public contacts: the only email, phone and address the site may publish. */
  contact: z
    .strictObject(
      {
        /** The office's public email, e.g. jiucuo@example.cn. */
        email: z.email({ error: 'contact.email 必须是邮箱地址，例如 jiucuo@example.cn' }).optional(),
        /** The office's public phone, e.g. 0357-1234567. */
        phone: z
          .string()
          .regex(/^\+?[\d\s()-]{7,20}$/, { error: 'contact.phone 必须是电话号码，例如 0357-1234567' })
          .optional(),
        /** The office's postal address, e.g. 临汾市尧都区某路1号（文明办）. */
        address: z.string().trim().min(4).max(80).optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys' ? 'contact 只能有 email、phone、address 三项' : undefined,
      },
    )
    .default({}),
  /**
   * Where residents send a nomination (推荐身边好人): the office's own channels, shown on the nomination page and
   * accepted by the privacy scan like `contact`. Without any, the page says to contact the local 文明办.
   */
  nominate: z
    .strictObject(
      {
        /** The office that receives nominations, e.g. 临汾市文明办宣教科. */
        office: z.string().trim().min(2).max(60).optional(),
        /** Email address nominations are sent to; the page's 发邮件 link fills in subject and text. */
        email: z.email({ error: 'nominate.email 必须是邮箱地址，例如 tuijian@example.cn' }).optional(),
        /** Phone residents may call about a nomination, e.g. 0357-1234567. */
        phone: z
          .string()
          .regex(/^\+?[\d\s()-]{7,20}$/, { error: 'nominate.phone 必须是电话号码，例如 0357-1234567' })
          .optional(),
        /** Postal address for a printed 推荐表, e.g. 临汾市尧都区某路1号 临汾市文明办（邮编 041000）. */
        address: z.string().trim().min(4).max(80).optional(),
        /** When and how the office reviews nominations, in words, e.g. 每季度末集中评议，入选者在本站公示。 */
        note: z.string().trim().min(2).max(200).optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys' ? 'nominate 只能有 office、email、phone、address、note 五项' : undefined,
      },
    )
    .default({}),
  /** The registrations every website in China shows in its footer; each optional until the office has it. */
  registration: z
    .strictObject(
      {
        /** ICP filing number (ICP备案号), e.g. 晋ICP备12345678号-1; linked to the MIIT filing system. */
        icp: z.string().trim().min(4).max(40).optional(),
        /** Public-security filing number (公安机关备案号), e.g. 晋公网安备14100202000001号; linked to its filing site. */
        police: z
          .string()
          .trim()
          .regex(/\d{6,}/, { error: 'registration.police 要写备案号，例如 晋公网安备14100202000001号' })
          .max(40)
          .optional(),
        /** 政府网站标识码 of a public body's site, e.g. 1410000001. */
        governmentSiteCode: z
          .string()
          .trim()
          .regex(/^\d{10}$/, { error: 'registration.governmentSiteCode（政府网站标识码）是 10 位数字' })
          .optional(),
        /** 主办单位: the body that runs the site, e.g. 中共临汾市委精神文明建设委员会办公室. */
        sponsor: z.string().trim().min(2).max(60).optional(),
        /** 承办单位: the body that operates it for the sponsor, e.g. 临汾市文明办信息科. */
        organizer: z.string().trim().min(2).max(60).optional(),
        /** How to reach the sponsoring body, in words; any phone or email in it must be one of `contact`. */
        sponsorContact: z.string().trim().min(2).max(100).optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? 'registration 只能有 icp、police、governmentSiteCode、sponsor、organizer、sponsorContact'
            : undefined,
      },
    )
    .default({}),
  /** Licence of the open data, e.g. CC BY 4.0. */
  licence: text('开放数据许可', 100),
  /** Issuing office named in the footer, e.g. 临汾市文明办. */
  publisher: text('发布单位', 60),
  /** True while the content is invented sample data: every page then carries a notice. */
  sample: z.boolean({ error: 'sample 只能是 true 或 false' }).default(false),
  /** A city's provincial portal (its base URL): the search page also asks it (在全省搜索), and the security policy lets it. */
  portal: z
    .url({ protocol: /^https?$/, error: 'portal 必须是省级门户的完整网址，例如 https://hrb.shanxi.example.cn' })
    .optional(),
  /** Makes the root a provincial portal: the member cities whose published open data it reads (docs/portal.md). */
  members: z
    .array(memberSchema)
    .max(MEMBERS_MAX, { error: `members 最多 ${MEMBERS_MAX} 个成员` })
    .optional(),
});

/** Highest position in an ordered list (divisions, categories, ranks): real ones have fewer than 30. */
export const ORDER_MAX = 999;

/** A position in an order, 1 to ORDER_MAX; `what` names the field in the message. */
const orderSchema = (what: string) =>
  z
    .int({ error: `${what} 必须是整数，例如 1` })
    .min(1, { error: `${what} 必须从 1 开始（1 是第一个）` })
    .max(ORDER_MAX, { error: `${what} 太大（最大 ${ORDER_MAX}），请填这一项排第几，例如 3` });

/** Rows of the county tile grid: room for a city of about 40 divisions. */
export const TILE_ROWS = 12;
/** Columns of the county tile grid: four tiles fit a 390 px phone's row in 长辈模式. */
export const TILE_COLS = 4;

/** A county-level division of the city. */
export const regionSchema = z.object({
  /** Full official name, e.g. 尧都区. */
  name: text('地区名称', 20),
  /** Administrative kind of the division. */
  kind: z.enum(['区', '市', '县'], { error: 'kind 只能是 区、市 或 县' }),
  /** Position in the official order of the city's divisions (1 = first; a city has about 20). */
  order: orderSchema('order'),
  /** Other names residents and spreadsheets use for this division, e.g. 尧都. */
  aliases: z
    .array(
      z
        .string({ error: 'aliases 的每一项必须是文字，例如 尧都' })
        .trim()
        .min(1, { error: 'aliases 里有空的一项，请删除' })
        .max(20, { error: 'aliases 的每一项最多 20 个字' }),
    )
    .max(20, { error: 'aliases 最多 20 项' })
    .default([]),
  /** Its tile in the home page's county grid, roughly where it lies on a map (row 1 = north, col 1 = west; a phone fits 4 columns). */
  tile: z
    .strictObject(
      {
        /** Row of the tile, 1 = northernmost. */
        row: z
          .int({ error: 'tile.row 必须是整数，例如 2' })
          .min(1, { error: 'tile.row 从 1 开始（1 是最北的一行）' })
          .max(TILE_ROWS, { error: `tile.row 最大是 ${TILE_ROWS}` }),
        /** Column of the tile, 1 = westernmost. */
        col: z
          .int({ error: 'tile.col 必须是整数，例如 3' })
          .min(1, { error: 'tile.col 从 1 开始（1 是最西的一列）' })
          .max(TILE_COLS, { error: `tile.col 最大是 ${TILE_COLS}（手机一行放得下 ${TILE_COLS} 块）` }),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? 'tile 只能有 row、col 两项，例如 { row: 2, col: 3 }'
            : 'tile 要写成 { row: 行, col: 列 }，例如 { row: 2, col: 3 }',
      },
    )
    .optional(),
});

/** An honour title (荣誉称号) in the taxonomy. */
export const titleSchema = z.object({
  /** Full name of the title, e.g. 全国道德模范. */
  name: text('称号名称', 40),
  /** Short name for tight places such as cards, e.g. 临汾好人. */
  short: z.string().trim().min(1).max(12).optional(),
  /** For a title each county awards as its own: the name shown on an entry, {county} standing for its county, e.g. {county}好人. */
  perCounty: z
    .string()
    .trim()
    .max(20)
    .refine((s) => s.includes('{county}'), { error: 'perCounty 必须含有 {county}，例如 {county}好人' })
    .optional(),
  /** Level of the body that awards it. */
  level: z.enum(LEVELS, { error: 'level 只能是 national、provincial、city 或 county' }),
  /** Body that awards it, e.g. 中央文明委. */
  issuer: text('授予单位', 60),
  /** How often it is awarded: by session (届), month, quarter or year. */
  cadence: z.enum(['session', 'month', 'quarter', 'year'], {
    error: 'cadence 只能是 session（届）、month、quarter 或 year',
  }),
  /** Order within its level: 1 is the most senior. */
  rank: orderSchema('rank'),
  /** True for titles given only to minors (新时代好少年). */
  forMinors: z.boolean().default(false),
});

/** A standard category of deed (助人为乐, 见义勇为 …). */
export const categorySchema = z.object({
  /** Chinese name of the category. */
  name: text('类别名称', 20),
  /** Position in lists (1 = first). */
  order: orderSchema('order'),
  /** One sentence on what the category covers. */
  description: text('类别说明', 200),
});

/** A quarterly (or other) batch that publishes one title. */
export const releaseSchemaFor = <I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) =>
  z.object({
    /** Heading of the batch, e.g. 2026年第一季度“临汾好人”. */
    title: text('发布批次标题', 60),
    /** Day the batch was announced. */
    date: fullDateSchema,
    /** The honour title the batch awards. */
    honour: h.reference('titles'),
    /** Introductory paragraph shown on the release page. */
    intro: text('发布说明', 1000),
  });

/** Highest session (第几届) an honour may carry: no honour on the roll has reached 100. */
export const SESSION_MAX = 100;

/** One honour held by an entry: a rung of its ladder. */
export const honourSchemaFor = <I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) =>
  z.object({
    /** The title awarded. */
    title: h.reference('titles'),
    /** Year it was awarded. */
    year: z
      .int({ error: 'year 必须是四位数年份，例如 2025' })
      .min(FIRST_HONOUR_YEAR, { error: `year 不能早于 ${FIRST_HONOUR_YEAR} 年，请核对年份` })
      .refine((y) => y <= yearNow() + 1, { error: 'year 晚于明年，请核对年份' }),
    /** Session number (第几届) for titles awarded by session, 1 to SESSION_MAX. */
    session: z
      .int({ error: 'session 必须是整数（第几届），例如 8' })
      .min(1, { error: 'session 是第几届，从 1 开始' })
      .max(SESSION_MAX, { error: `session 是第几届，最大 ${SESSION_MAX}：请核对（不要填电话、编号等其他数字）` })
      .optional(),
    /** The batch that published this honour, if it came in one. */
    release: h.reference('releases').optional(),
    /** The issuing body's own batch when it is not one of this site's releases, e.g. 2026年第三季度. */
    batch: z.string().trim().min(1).max(30, { error: 'batch 最多 30 个字' }).optional(),
    /** A short remark, e.g. 提名奖 or 月度. */
    note: z.string().trim().max(60, { error: 'note 最多 60 个字' }).optional(),
  });

/** A source that documents the entry. */
export const sourceSchema = z.object({
  /** Title of the article or notice. */
  title: text('来源标题', 100),
  /** Where it can be read: a web address only (it becomes a link; never javascript: or data:). */
  url: z.url({ protocol: /^https?$/, error: '来源网址必须是以 https:// 或 http:// 开头的完整网址' }).optional(),
  /** When it was published. */
  date: partialDateSchema.optional(),
});

/** Withdrawal details of an entry that no longer stands on the roll. */
export const withdrawalSchema = z.object({
  /** Why the entry was withdrawn, as it will be shown to residents. */
  reason: text('撤销原因', 200),
  /** Day it was withdrawn. */
  date: fullDateSchema,
});

/**
 * The entry fields that do not depend on Astro's helpers. Built once: Astro calls
 * the entry schema function once per entry (each gets its own image()), and
 * building every field anew was a measurable part of content sync at 10,000 entries.
 */
const fixedEntryFields = {
  /** Name as published: a person's name, a family (…家庭) or a group's name. */
  name: text('姓名或名称', 40),
  /** Person, family or group. */
  kind: z.enum(KINDS, { error: 'kind 只能是 person（个人）、family（家庭）或 group（集体）' }),
  /** One sentence on the deed, shown in lists and search results. */
  summary: text('一句话事迹', 120).refine((s) => s.length >= 8, {
    error: '一句话事迹太短（至少 8 个字），请写清做了什么',
  }),
  /** 男 or 女; people only. */
  gender: z.enum(['男', '女'], { error: 'gender 只能是 男 或 女' }).optional(),
  /** Birth date as precisely as known: year, year-month or full date. */
  birth: partialDateSchema.optional(),
  /** Ethnic group, e.g. 汉族. */
  ethnicity: z.string().trim().min(1).max(10).optional(),
  /** Work unit, village or (for a minor) school. */
  unit: z.string().trim().min(1).max(60).optional(),
  /** Role or occupation within the unit. */
  role: z.string().trim().min(1).max(40).optional(),
  /** True if the honouree has died (shown as 已故). */
  deceased: z.boolean({ error: 'deceased 只能是 true 或 false' }).default(false),
  /** True for a minor: shown by name, school and deed only. */
  minor: z.boolean({ error: 'minor 只能是 true 或 false' }).default(false),
  /** For a minor only: the guardian agreed to publish the birth year. */
  allowBirth: z.boolean().default(false),
  /** active, or withdrawn (the URL stays with a notice; the entry leaves every list). */
  status: z.enum(['active', 'withdrawn'], { error: 'status 只能是 active 或 withdrawn' }).default('active'),
  /** Why and when the entry was withdrawn; required when status is withdrawn. */
  withdrawal: withdrawalSchema.optional(),
  /** Earlier URL slugs of this entry; each one redirects here. */
  formerSlugs: z.array(slugSchema).default([]),
  /** Articles and notices that document the deed. */
  sources: z.array(sourceSchema).default([]),
  /** Work in progress: never published. */
  draft: z.boolean().default(false),
};

const entryRefs = new WeakMap<object, ReturnType<typeof buildEntryRefs>>();

function buildEntryRefs<I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) {
  return {
    /** County-level division the honouree belongs to. */
    region: h.reference('regions'),
    /** Category of deed. */
    category: h.reference('categories'),
    /** Honours held, in any order; the page shows them as a ladder. */
    honours: z
      .array(honourSchemaFor(h), { error: 'honours 必须是荣誉列表' })
      .min(1, { error: '至少要有一项荣誉，请在 honours 下添加 title 和 year' }),
  };
}

/** One honouree: the frontmatter of an MDX entry file. */
export const entrySchemaFor = <I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) => {
  // Reference schemas depend only on the reference helper, which is the same for every entry.
  let refs = entryRefs.get(h.reference) as ReturnType<typeof buildEntryRefs<I, R>> | undefined;
  if (!refs) {
    refs = buildEntryRefs(h);
    entryRefs.set(h.reference, refs);
  }
  return z
    .strictObject(
      {
        ...fixedEntryFields,
        ...refs,
        /** Portrait or deed photo, beside the entry file, with its description for screen readers. */
        photo: z
          .object({
            /** Path of the image file relative to this entry, e.g. ./zhang-jianguo-yaodu.jpg. */
            src: h.image(),
            /** What the photo shows, for people who cannot see it. */
            alt: text('照片说明（alt）', 100),
          })
          .optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `不认识的字段 ${issue.keys.join('、')}：请检查拼写（例如 region、honours、summary），或删除它`
            : undefined,
      },
    )
    .superRefine((e, ctx) => {
      if (e.minor && e.photo) {
        ctx.addIssue({
          code: 'custom',
          path: ['photo'],
          message: '未成年人不得发布照片，请删除 photo',
        });
      }
      if (e.minor && e.birth && !e.allowBirth) {
        ctx.addIssue({
          code: 'custom',
          path: ['birth'],
          message: '未成年人不公开出生日期，请删除 birth（监护人同意公开时另加 allowBirth: true）',
        });
      }
      if (e.minor && e.kind !== 'person') {
        ctx.addIssue({
          code: 'custom',
          path: ['minor'],
          message: '只有个人可以标记为未成年人，请删除 minor 或把 kind 改为 person',
        });
      }
      if (e.kind !== 'person' && (e.gender || e.birth || e.ethnicity)) {
        ctx.addIssue({
          code: 'custom',
          path: ['kind'],
          message: '家庭和集体没有性别、出生日期和民族，请删除 gender、birth、ethnicity',
        });
      }
      if (e.status === 'withdrawn' && !e.withdrawal) {
        ctx.addIssue({
          code: 'custom',
          path: ['withdrawal'],
          message: '已撤销的条目必须写明撤销原因和日期：withdrawal: { reason: …, date: 2026-05-01 }',
        });
      }
      if (e.status === 'active' && e.withdrawal) {
        ctx.addIssue({
          code: 'custom',
          path: ['status'],
          message: '写了 withdrawal 但 status 不是 withdrawn：撤销请把 status 改为 withdrawn，否则删除 withdrawal',
        });
      }
      if (e.birth) {
        const born = yearOf(e.birth);
        if (born < FIRST_BIRTH_YEAR || born > yearNow()) {
          ctx.addIssue({
            code: 'custom',
            path: ['birth'],
            message: `出生年份 ${born} 不合理（应在 ${FIRST_BIRTH_YEAR} 年到今年之间），请核对`,
          });
        }
        e.honours.forEach((honour, i) => {
          if (honour.year < born) {
            ctx.addIssue({
              code: 'custom',
              path: ['honours', i, 'year'],
              message: `获得荣誉的年份 ${honour.year} 早于出生年份 ${born}，请核对`,
            });
          }
        });
      }
      const withdrawn = e.withdrawal;
      if (withdrawn && e.honours.some((h2) => yearOf(withdrawn.date) < h2.year)) {
        ctx.addIssue({
          code: 'custom',
          path: ['withdrawal', 'date'],
          message: '撤销日期早于获得荣誉的年份，请核对撤销日期',
        });
      }
    });
};

export type SiteData = z.output<typeof siteSchema>;
/** One member of a portal, as site.yaml lists it. */
export type MemberData = z.output<typeof memberSchema>;
export type RegionData = z.output<typeof regionSchema>;
export type TitleData = z.output<typeof titleSchema>;
export type CategoryData = z.output<typeof categorySchema>;

/** The entry schema as read outside Astro: references are ids and the photo a path. */
type PlainEntrySchema = ReturnType<typeof entrySchemaFor<z.ZodString, z.ZodString>>;

/** An entry as parsed outside Astro, defaults filled in. */
export type EntryRecord = z.output<PlainEntrySchema>;

/** The entry fields the schema fills in when a file leaves them out. */
type DefaultedField = 'deceased' | 'minor' | 'allowBirth' | 'status' | 'formerSlugs' | 'sources' | 'draft';

/** An entry as written in a file: the parsed record, with defaulted fields optional. */
export type EntryFileData = Omit<EntryRecord, DefaultedField> & Partial<Pick<EntryRecord, DefaultedField>>;

/** One honour of an entry as parsed outside Astro. */
export type HonourRecord = EntryRecord['honours'][number];

/**
 * An entry with references and photo of another form: Astro's parsed data has
 * `{ collection, id }` references and read photo files, the stand-alone check ids and paths.
 */
export type EntryData<Ref = string, Photo = string> = Omit<EntryRecord, 'region' | 'category' | 'honours' | 'photo'> & {
  region: Ref;
  category: Ref;
  honours: Array<Omit<HonourRecord, 'title' | 'release'> & { title: Ref; release?: Ref }>;
  photo?: { src: Photo; alt: string };
};

/** A release as parsed outside Astro: its honour is a title id. */
export type ReleaseRecord = z.output<ReturnType<typeof releaseSchemaFor<z.ZodString, z.ZodString>>>;
