/** The baselines the bench builds the same entries with: a bare Astro MDX project, and Hugo plus the Pagefind CLI. */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_TMP } from '../lib/tmp.ts';

/**
 * The naive pattern, for comparison: a bare Astro project with the MDX integration, the same
 * entry files through glob(), and one page per entry rendering its MDX. No rolls, photos or search.
 */
export function baselineProject(contentDir: string, name: string): string {
  const dir = join(tmpdir(), `honour-baseline-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    // Its own cache folder: node_modules is the project's (a symlink), and so would be node_modules/.astro.
    `import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()], cacheDir: './cache', devToolbar: { enabled: false } };\n`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(join(contentDir, 'entries'))} }),
    schema: z.looseObject({ name: z.string(), summary: z.string() }),
  }),
};
`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('entries')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.data.name}</title></head>
<body><h1>{entry.data.name}</h1><p>{entry.data.summary}</p><Content /></body></html>
`,
  );
  return dir;
}

/**
 * The fast static baseline: Hugo renders the same entry files (their front matter and Markdown,
 * one page per entry in a minimal layout with a data-pagefind-body article), then the Pagefind
 * CLI indexes every page. Timed and sampled as one command, as our build is.
 */
export function hugoProject(contentDir: string, name: string): string {
  // Beside the corpus it copies (node_modules/.honour-tmp/), not in the system's temporary folder.
  const dir = join(PROJECT_TMP, `hugo-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
  mkdirSync(join(dir, 'content'), { recursive: true });
  for (const county of readdirSync(join(contentDir, 'entries'))) {
    const from = join(contentDir, 'entries', county);
    if (!statSync(from).isDirectory()) continue;
    mkdirSync(join(dir, 'content', county));
    for (const f of readdirSync(from))
      if (f.endsWith('.mdx'))
        writeFileSync(join(dir, 'content', county, f.replace(/\.mdx$/, '.md')), readFileSync(join(from, f)));
  }
  writeFileSync(
    join(dir, 'config.toml'),
    'baseURL = "https://example.org/"\nlanguageCode = "zh-CN"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
  );
  writeFileSync(
    join(dir, 'layouts', '_default', 'single.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Params.name }}</title></head>' +
      '<body><article data-pagefind-body><h1>{{ .Params.name }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</article></body></html>\n',
  );
  writeFileSync(
    join(dir, 'layouts', '_default', 'list.html'),
    '<!doctype html><html lang="zh-CN"><body></body></html>\n',
  );
  writeFileSync(
    join(dir, 'build.sh'),
    `set -e\nrm -rf public\nhugo --quiet -d public\n${JSON.stringify(resolve('node_modules/.bin/pagefind'))} --site public --quiet\n`,
  );
  return dir;
}
