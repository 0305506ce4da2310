/** The site's schemas (src/model/schema.ts) as the content check reads them, outside Astro. */
import { z } from 'astro/zod';
import {
  entrySchemaFor,
  PHOTO_PATH_MAX_LENGTH,
  PHOTO_PATH_TOO_LONG,
  releaseSchemaFor,
  SLUG_MAX_LENGTH,
  type SchemaHelpers,
} from '../model/schema.ts';

/** Outside Astro, photos and references are checked as plain strings, as long as a photo path or an id may be. */
export const plainHelpers: SchemaHelpers<z.ZodString, z.ZodString> = {
  image: () =>
    z
      .string({ error: '照片路径必须是文字，例如 ./zhang-jianguo-yaodu.jpg' })
      .max(PHOTO_PATH_MAX_LENGTH, { error: PHOTO_PATH_TOO_LONG }),
  reference: (collection) =>
    z
      .string({ error: `必须填写 ${collection} 中的某个 id` })
      .min(1, { error: `必须填写 ${collection} 中的某个 id` })
      .max(SLUG_MAX_LENGTH, { error: `太长：${collection} 中的 id 最多 ${SLUG_MAX_LENGTH} 个字符，请核对` }),
};

/** An entry's front matter and a release record, their photos and references as plain strings. */
export const entrySchema = entrySchemaFor(plainHelpers);
export const releaseSchema = releaseSchemaFor(plainHelpers);
