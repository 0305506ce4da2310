/** Share data of an entry page: the Open Graph image and schema.org JSON-LD. */
import { getImage } from 'astro:assets';
import type { Person } from './content.ts';
import { site } from './content.ts';
import { entryJsonLd } from './jsonld.ts';

export async function entryShare(entry: Person): Promise<{ image?: string; jsonLd?: Record<string, unknown> }> {
  if (entry.withdrawn) return {};
  const data = entry.source.data;
  const url = new URL(`/people/${entry.id}/`, site.url).href;
  let image: string | undefined;
  if (data.photo && !data.minor) {
    const og = await getImage({ src: data.photo.src, width: 600, format: 'jpeg' });
    image = new URL(og.src, site.url).href;
  }
  return {
    image,
    jsonLd: entryJsonLd(entry, {
      url,
      image,
      unit: data.unit,
      role: data.role,
      minor: data.minor,
      deceased: data.deceased,
    }),
  };
}
