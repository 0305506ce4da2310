import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { CONTENT_FILES, contentRoot, entryIdFromPath } from './lib/content-root.ts';
import {
  categorySchema,
  entrySchemaFor,
  regionSchema,
  releaseSchemaFor,
  siteSchema,
  titleSchema,
} from './lib/schema.ts';

const root = contentRoot();
const at = (name: string) => join(root, name);

/** Site settings: a single record with id `site`. */
const site = defineCollection({ loader: file(at(CONTENT_FILES.site)), schema: siteSchema });

/** County-level divisions, in official order. */
const regions = defineCollection({ loader: file(at(CONTENT_FILES.regions)), schema: regionSchema });

/** Honour titles (荣誉称号). */
const titles = defineCollection({ loader: file(at(CONTENT_FILES.titles)), schema: titleSchema });

/** Categories of deed. */
const categories = defineCollection({
  loader: file(at(CONTENT_FILES.categories)),
  schema: categorySchema,
});

/** Batches (期) that publish a title. */
const releases = defineCollection({
  loader: file(at(CONTENT_FILES.releases)),
  schema: ({ image }) => releaseSchemaFor({ image, reference }),
});

/** One MDX file per honouree; the file name is the stable URL slug. */
const entries = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: pathToFileURL(at(CONTENT_FILES.entries) + '/'),
    generateId: ({ entry }) => entryIdFromPath(entry),
  }),
  schema: ({ image }) => entrySchemaFor({ image, reference }),
});

export const collections = { site, regions, titles, categories, releases, entries };
