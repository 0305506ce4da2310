import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { join } from 'node:path';
import { CONTENT_FILES, contentRoot, entryIdFromPath } from './model/content-root.ts';
import {
  categorySchema,
  entrySchemaFor,
  photoFileSchema,
  regionSchema,
  releaseSchemaFor,
  siteSchema,
  titleSchema,
} from './model/schema.ts';
import { entryLoader } from './collections/entry-loader.ts';
import { loadYamlData } from './parse/yaml.ts';

const root = contentRoot();
const at = (name: string) => join(root, name);
/** The collection files, read with the content check's own YAML reader (no aliases, tags or anchors). */
const yamlFile = (name: string) =>
  file(at(name), { parser: loadYamlData as (text: string) => Record<string, unknown>[] });

/** Site settings: a single record with id `site`. */
const site = defineCollection({ loader: yamlFile(CONTENT_FILES.site), schema: siteSchema });

/** County-level divisions, in official order. */
const regions = defineCollection({ loader: yamlFile(CONTENT_FILES.regions), schema: regionSchema });

/** Honour titles (荣誉称号). */
const titles = defineCollection({ loader: yamlFile(CONTENT_FILES.titles), schema: titleSchema });

/** Categories of deed. */
const categories = defineCollection({
  loader: yamlFile(CONTENT_FILES.categories),
  schema: categorySchema,
});

/** Batches (期) that publish a title. */
const releases = defineCollection({
  loader: yamlFile(CONTENT_FILES.releases),
  schema: () => releaseSchemaFor({ image: () => photoFileSchema, reference }),
});

/** One MDX file per honouree; the file name is the stable URL slug. */
const entries = defineCollection({
  loader: entryLoader({
    dir: at(CONTENT_FILES.entries),
    idOf: entryIdFromPath,
  }),
  // The loader has read the photo file in place of its path (src/photos/photo-file.ts).
  schema: () => entrySchemaFor({ image: () => photoFileSchema, reference }),
});

export const collections = { site, regions, titles, categories, releases, entries };
