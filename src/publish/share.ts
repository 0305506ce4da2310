/** Share data of an entry page: the Open Graph image and schema.org JSON-LD. */
import { renditionUrl, widthOf } from '../photos/renditions.ts';
import type { Person } from '../collections/content.ts';
import { site, viewOf } from '../collections/content.ts';
import { entryJsonLd } from './jsonld.ts';
import { routes } from '../model/routes.ts';

export function entryShare(entry: Person): { image?: string; jsonLd?: Record<string, unknown> } {
  if (entry.withdrawn) return {};
  const view = viewOf(entry);
  const url = new URL(routes.entry(entry.id), site.url).href;
  let image: string | undefined;
  if (view.photo) {
    image = new URL(renditionUrl(widthOf(view.photo.src, 600, { format: 'jpeg' })), site.url).href;
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
