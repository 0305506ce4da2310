import rss from '@astrojs/rss';
import { feedItems, site } from '../collections/content.ts';

export function GET() {
  return rss({
    title: site.title,
    description: site.description,
    site: site.url,
    items: feedItems,
    customData: '<language>zh-cn</language>',
  });
}
