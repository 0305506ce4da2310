/**
 * The one place that decides what the public sees of an entry. Every
 * consumer — entry page, cards, posters, JSON-LD, Open Graph, feed, open
 * data, search index, share data — reads an entry's personal facts from its
 * view, never from the raw record, so a new consumer cannot leak what the
 * view leaves out.
 *
 * - Withdrawn: the name, the withdrawal date and reason, nothing else.
 * - A minor (flagged, or under 18 on any honour's day by the birth date): the
 *   name, the school and the deed; no photo, gender, ethnicity, role, and no
 *   birth date unless the guardian allowed it.
 * - Everyone: only fields of the schema, which has no private ones.
 */
import { minorOnAny } from './age.ts';
import type { EntryData } from './schema.ts';

/** The fields of an entry record the view reads (Astro's parsed entry data fits it). */
export type ViewInput<P = unknown> = Pick<
  EntryData<unknown, P>,
  | 'minor'
  | 'allowBirth'
  | 'birth'
  | 'gender'
  | 'ethnicity'
  | 'unit'
  | 'role'
  | 'deceased'
  | 'status'
  | 'withdrawal'
  | 'photo'
  | 'sources'
>;

/** What the public sees of an entry's own facts (name, honours, summary and story come with the roll): fields of the schema only. */
export interface PublicView<P = unknown>
  extends
    Pick<EntryData<unknown, P>, 'minor' | 'deceased'>,
    Partial<Pick<EntryData<unknown, P>, 'photo' | 'gender' | 'birth' | 'ethnicity' | 'role'>> {
  /**
   * Set only for a withdrawn entry: its date, and nothing else is shown — not the reason (事迹与事实不符 beside a
   * name is what a resident screenshots and passes on), and the page shows no name.
   */
  withdrawn?: Pick<NonNullable<EntryData['withdrawal']>, 'date'>;
  /** Work unit of an adult. */
  unit?: EntryData['unit'];
  /** School of a minor. */
  school?: EntryData['unit'];
  sources: Readonly<EntryData['sources']>;
}

/** The public view of an entry; `honourDays` are the days of its honours (YYYY or YYYY-MM-DD), for the age rule. */
export function publicView<P>(data: ViewInput<P>, honourDays: readonly string[]): PublicView<P> {
  if (data.status === 'withdrawn') {
    return { withdrawn: { date: data.withdrawal?.date ?? '' }, minor: false, deceased: false, sources: [] };
  }
  const minor = data.minor || minorOnAny(data.birth, honourDays);
  if (minor) {
    return {
      minor: true,
      school: data.unit,
      birth: data.allowBirth ? data.birth : undefined,
      deceased: data.deceased,
      sources: data.sources,
    };
  }
  return {
    minor: false,
    photo: data.photo,
    gender: data.gender,
    birth: data.birth,
    ethnicity: data.ethnicity,
    unit: data.unit,
    role: data.role,
    deceased: data.deceased,
    sources: data.sources,
  };
}
