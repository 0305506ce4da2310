/** The site's schemas (src/model/schema.ts) as the content check reads them, outside Astro. */
import { z } from 'astro/zod';
import { entrySchemaFor, releaseSchemaFor, type SchemaHelpers } from '../model/schema.ts';

/** Outside Astro, photos and references are checked as plain strings. */
export const plainHelpers: SchemaHelpers<z.ZodString, z.ZodString> = {
  image: () => z.string({ error: '照片路径必须是文字，例如 ./zhang-jianguo-yaodu.jpg' }),
  reference: (collection) =>
    z.string({ error: `必须填写 ${collection} 中的某个 id` }).min(1, { error: `必须填写 ${collection} 中的某个 id` }),
};

/** An entry's front matter and a release record, their photos and references as plain strings. */
export const entrySchema = entrySchemaFor(plainHelpers);
export const releaseSchema = releaseSchemaFor(plainHelpers);
