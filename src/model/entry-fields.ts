/**
 * The catalogue of an entry's front-matter fields: every field of the entry
 * schema (src/model/schema.ts), in the order entry files write them, with its
 * Chinese label and a one-line hint for editors; the fields of honours,
 * photo, withdrawal and sources likewise. Forms are built from it, and every
 * other list of the entry's fields derives from it or is checked against it
 * with `satisfies Record<EntryField, …>`: the order of written files
 * (src/editor/entry-file.ts), the changelog's names (src/release/changelog.ts),
 * the open-data columns (src/publish/open-data.ts) and the import's columns
 * (src/editor/import-plan.ts). A schema field left out of it is a type error.
 */
import type { EntryData } from './schema.ts';

/** A field of an entry's front matter: a key of the entry schema. */
export type EntryField = keyof EntryData;

/** What editors are told about a field. */
export interface FieldInfo {
  /** The field's name in Chinese, as the changelog and the forms show it. */
  label: string;
  /** One line on what to write in it. */
  hint: string;
}

/** The fields of one item of a field that holds records (honours, sources) or of a record field (photo, withdrawal). */
type ItemOf<T> = T extends ReadonlyArray<infer I> ? I : T;
type PartsOf<F extends EntryField> = [ItemOf<NonNullable<EntryData[F]>>] extends [object]
  ? { parts: Record<keyof ItemOf<NonNullable<EntryData[F]>>, FieldInfo> }
  : { parts?: never };

/** The catalogue's shape: one entry per schema field, with its parts when it holds records. */
export type EntryFieldCatalogue = { readonly [F in EntryField]: FieldInfo & PartsOf<F> };

/** Every front-matter field of an entry, in the order entry files write them. */
export const ENTRY_FIELDS = {
  name: { label: '姓名', hint: '个人写姓名，家庭写“某某家庭”，集体写全称' },
  kind: { label: '类型', hint: 'person（个人）、family（家庭）或 group（集体）' },
  region: { label: '地区', hint: '所在县（市、区）在 regions.yaml 中的 id，例如 yaodu' },
  category: { label: '类别', hint: '事迹类别在 categories.yaml 中的 id，例如 zhuren（助人为乐）' },
  honours: {
    label: '荣誉',
    hint: '获得的荣誉，至少一项；同一人的荣誉都写在这里，页面按级别排成阶梯',
    parts: {
      title: { label: '荣誉称号', hint: '称号在 titles.yaml 中的 id' },
      year: { label: '年份', hint: '获得荣誉的年份，四位数字，例如 2026' },
      session: { label: '届次', hint: '按届评选的称号写第几届，例如 9' },
      release: { label: '发布批次', hint: '本站发布批次在 releases.yaml 中的 id，例如 2026-q1' },
      batch: { label: '评选批次', hint: '不是本站批次时，照原文写评选单位的批次，例如 2026年第三季度' },
      note: { label: '备注', hint: '简短说明，例如 提名奖' },
    },
  },
  summary: { label: '一句话事迹', hint: '一句话写清做了什么（8 到 120 个字），显示在列表和搜索结果里' },
  photo: {
    label: '照片',
    hint: '与本文件同一文件夹的照片；未成年人不放照片',
    parts: {
      src: { label: '照片文件', hint: '照片文件名，以 ./ 开头，例如 ./zhang-jianguo-yaodu.jpg' },
      alt: { label: '照片说明', hint: '照片上是什么，供看不见照片的读者收听' },
    },
  },
  gender: { label: '性别', hint: '男 或 女；只写个人' },
  birth: { label: '出生日期', hint: '写到知道的程度：1962、1962-05 或 1962-05-17；只写个人' },
  ethnicity: { label: '民族', hint: '例如 汉族；只写个人' },
  unit: { label: '工作单位', hint: '工作单位或所在村；未成年人写学校' },
  role: { label: '职务', hint: '在单位里的职务或职业，例如 村医' },
  deceased: { label: '已故', hint: '已故写 true，页面显示“已故”' },
  minor: { label: '未成年人', hint: '未成年人写 true：只公开姓名、学校和事迹' },
  allowBirth: { label: '公开出生年份', hint: '监护人同意公开未成年人的出生日期时写 true' },
  status: { label: '状态', hint: 'active（在榜）或 withdrawn（撤销：网址保留并显示撤销说明）' },
  withdrawal: {
    label: '撤销说明',
    hint: 'status 为 withdrawn 时必须写明原因和日期',
    parts: {
      reason: { label: '撤销原因', hint: '会向读者显示的撤销原因' },
      date: { label: '撤销日期', hint: '年-月-日，例如 2026-05-01' },
    },
  },
  formerSlugs: { label: '旧网址', hint: '改过文件名时，列出以前的文件名（不带 .mdx），旧网址会跳转到这里' },
  sources: {
    label: '资料来源',
    hint: '记载事迹的报道或公示，每项一条',
    parts: {
      title: { label: '来源标题', hint: '报道或公示的标题' },
      url: { label: '来源网址', hint: '以 https:// 开头的完整网址' },
      date: { label: '来源日期', hint: '发表日期：年、年-月 或 年-月-日' },
    },
  },
  draft: { label: '草稿', hint: '写 true 时不发布；写完后删除这一行' },
} as const satisfies EntryFieldCatalogue;

/** The fields in file order. */
export const ENTRY_FIELD_ORDER = Object.keys(ENTRY_FIELDS) as EntryField[];

/** The order of the parts of a field that holds records (honours, photo, withdrawal, sources); empty for the others. */
export function partOrder(field: string): string[] {
  const info: (FieldInfo & { parts?: object }) | undefined = isEntryField(field) ? ENTRY_FIELDS[field] : undefined;
  return info?.parts ? Object.keys(info.parts) : [];
}

/** Whether a key is a field of the catalogue. */
export function isEntryField(key: string): key is EntryField {
  return Object.hasOwn(ENTRY_FIELDS, key);
}
