/** Share data of an entry page: the Open Graph image and schema.org JSON-LD. */
import { renditionUrl, widthOf } from '../photos/renditions.ts';
import type { PhotoFile } from '../photos/photo-file.ts';
import type { Honouree } from '../roll/roll.ts';
import type { PublicView } from '../model/public-view.ts';
import type { SiteData } from '../model/schema.ts';
import { entryJsonLd } from './jsonld.ts';
import { routes } from '../model/routes.ts';

/** The share data of `entry`, whose public view is `view`, on `site` (the page gives both from src/collections/). */
export function entryShare(
  entry: Honouree,
  view: PublicView<PhotoFile>,
  site: Pick<SiteData, 'url'>,
): { image?: string; jsonLd?: Record<string, unknown> } {
  if (entry.withdrawn) return {};
  const url = new URL(routes.entry(entry.id), site.url).href;
  let image: string | undefined;
  if (view.photo) {
    image = new URL(renditionUrl(widthOf(view.photo.src, 600, { format: 'jpeg' })), site.url).href;
  }
  return {
    // Without a photo (a minor, a group, a person without one) the site's emblem, never a person's image.
    image: image ?? new URL(routes.emblem, site.url).href,
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
