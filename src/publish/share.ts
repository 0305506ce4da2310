/** Share data of an entry page: the Open Graph image and schema.org JSON-LD. */
import { getImage } from 'astro:assets';
import type { Person } from '../collections/content.ts';
import { site, viewOf } from '../collections/content.ts';
import { entryJsonLd } from './jsonld.ts';
import { routes } from '../model/routes.ts';

export async function entryShare(entry: Person): Promise<{ image?: string; jsonLd?: Record<string, unknown> }> {
  if (entry.withdrawn) return {};
  const view = viewOf(entry);
  const url = new URL(routes.entry(entry.id), site.url).href;
  let image: string | undefined;
  if (view.photo) {
    const og = await getImage({ src: view.photo.src, width: 600, format: 'jpeg' });
    image = new URL(og.src, site.url).href;
  }
  return {
    image,
    jsonLd: entryJsonLd(entry, {
      url,
      image,
      unit: view.minor ? view.school : view.unit,
      role: view.role,
      minor: view.minor,
      deceased: view.deceased,
    }),
  };
}
