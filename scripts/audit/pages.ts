/** One page of every family in a built site, found in dist/ itself so any content root can be audited. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from '../../src/model/routes.ts';

function firstDir(dist: string, folder: string, accept: (dir: string) => boolean = () => true): string | undefined {
  const base = join(dist, folder);
  if (!existsSync(base)) return undefined;
  return readdirSync(base)
    .sort()
    .find((d) => existsSync(join(base, d, 'index.html')) && accept(d));
}

/** Paths (with query where needed) of the page families the audit covers. */
export function pageFamilies(dist: string): Array<{ family: string; path: string }> {
  const html = (folder: string, d: string) => readFileSync(join(dist, folder, d, 'index.html'), 'utf8');
  const entry = (test: (h: string) => boolean) =>
    firstDir(dist, 'people', (d) => d.includes('-') && test(html('people', d)));
  const photo = entry((h) => h.includes('class="entry-photo"'));
  const withdrawn = entry((h) => h.includes('class="notice"') && !h.includes('http-equiv="refresh"'));
  const minor = entry((h) => h.includes('未成年人，按规定只公开'));
  const plain = entry((h) => h.includes('data-pagefind-body') && !h.includes('class="entry-photo"'));
  const title = firstDir(dist, 'honours');
  const region = firstDir(dist, 'regions');
  const category = firstDir(dist, 'categories');
  const year = firstDir(dist, 'years');
  const release = firstDir(dist, 'releases');
  const name = photo ? /<h1[^>]*>([^<]{2})/.exec(html('people', photo))?.[1] : undefined;
  const families: Array<[string, string | undefined]> = [
    ['home', routes.home],
    ['entry with photo', photo && routes.entry(photo)],
    ['entry without photo', plain && routes.entry(plain)],
    ['withdrawn entry', withdrawn && routes.entry(withdrawn)],
    ['minor', minor && routes.entry(minor)],
    ['everyone', routes.people],
    ['titles', routes.honours],
    ['title roll', title && routes.title(title)],
    ['regions', routes.regions],
    ['region roll (strokes)', region && routes.listPage(routes.region(region), 1, 'strokes')],
    ['categories', routes.categories],
    ['category roll', category && routes.category(category)],
    ['years', routes.years],
    ['year roll', year && routes.year(year)],
    ['releases', routes.releases],
    ['release', release && routes.release(release)],
    ['poster', release && routes.poster(release)],
    ['statistics', routes.stats],
    ['search with results', name && `${routes.search}?q=${encodeURIComponent(name)}`],
    ['nomination', routes.nominate],
    ['404', routes.notFound],
  ];
  return families.flatMap(([family, path]) => (path ? [{ family, path }] : []));
}
