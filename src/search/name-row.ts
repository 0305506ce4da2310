/**
 * An entry as the names table holds it (names-table.ts): what its search
 * result card shows and the filters its page declares (EntryDetail.astro,
 * HonourLadder.astro), from its public view only.
 */
import type { Honouree } from '../roll/roll.ts';
import type { PublicView } from '../model/public-view.ts';
import type { PhotoFile } from '../photos/photo-file.ts';
import { searchThumbUrl } from '../photos/renditions.ts';
import { nameSyllables } from '../model/names.ts';
import { routes } from '../model/routes.ts';
import { t } from '../strings.ts';
import type { NameRow } from './names-table.ts';

export function nameRowOf(entry: Honouree, view: PublicView<PhotoFile>): NameRow {
  const row: NameRow = {
    url: routes.entry(entry.id),
    name: entry.name,
    pinyin: nameSyllables(entry.name),
    level: entry.highest.title.level,
    honour: entry.highest.name,
    summary: entry.summary,
    filters: {
      level: [...new Set(entry.ladder.map((h) => t.levels[h.title.level]))],
      title: [...new Set(entry.ladder.map((h) => h.title.name))],
      region: [entry.region.name],
      category: [entry.category.name],
      year: [...new Set(entry.ladder.map((h) => t.entry.year(h.year)))],
      kind: [t.kinds[entry.kind]],
    },
  };
  if (view.photo) row.image = searchThumbUrl(view.photo.src);
  return row;
}
