/**
 * The columns of an import sheet, in the order `content:import` lists them, and the header each is
 * shown by. Shared by the import (src/editor/import.ts, which also knows every other spelling of a
 * header) and the nomination page, whose copyable row follows this order.
 */

/** The header as editors see it in messages, in the import's column order. */
export const COLUMN_LABEL = {
  seq: '序号',
  name: '姓名',
  kind: '类型',
  gender: '性别',
  ethnicity: '民族',
  birth: '出生年月',
  politics: '政治面貌',
  unit: '工作单位及职务',
  role: '职务',
  region: '所在县（市、区）',
  category: '类别',
  title: '荣誉称号',
  year: '年份',
  session: '期次',
  summary: '事迹简介',
  story: '事迹全文',
  photo: '照片',
  deceased: '已故',
} as const;

/** A canonical column of an import sheet. */
export type Column = keyof typeof COLUMN_LABEL;
