/**
 * Children by age, from content alone (never the build date, so a build on
 * any day decides the same). A birth date may be partial: it is counted as
 * late as it can be (1962 → 31 December 1962), so a child is never taken
 * for an adult; an honour without a release date is counted on the first day
 * of its year.
 */

/** Full years of age on `date` (YYYY-MM-DD), for a birth of YYYY, YYYY-MM or YYYY-MM-DD counted as late as it can be. */
export function ageOn(birth: string, date: string): number {
  const [by = 0, bm = 12, bd] = birth.split('-').map(Number);
  const day = bd ?? new Date(Date.UTC(by, bm, 0)).getUTCDate(); // last day of the birth month
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < day) ? 1 : 0);
}

/** The day an honour is counted on: its release's date, else 1 January of its year. */
export function honourDay(year: number, releaseDate?: string): string {
  return releaseDate ?? `${year}-01-01`;
}

/** Age of majority. */
export const ADULT_AGE = 18;

/** True when a person born on `birth` was under 18 on any of the days. */
export function minorOnAny(birth: string | undefined, days: readonly string[]): boolean {
  return birth !== undefined && days.some((day) => ageOn(birth, day) < ADULT_AGE);
}
