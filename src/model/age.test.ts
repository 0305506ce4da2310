import { describe, expect, it } from 'vitest';
import { ageOn, minorOnAny } from './age.ts';

describe('children by age, from content alone', () => {
  it('counts a partial birth date as late as it can be', () => {
    expect(ageOn('2000', '2018-01-01')).toBe(17);
    expect(ageOn('2000', '2019-01-01')).toBe(18);
    expect(ageOn('2000-03', '2018-03-30')).toBe(17);
    expect(ageOn('2000-03', '2018-03-31')).toBe(18);
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
  });

  it('takes an honour year minus a birth year of 18 or less for a minor, unless a birth month shows otherwise', () => {
    expect(minorOnAny('2008', ['2026-01-01'])).toBe(true);
    expect(minorOnAny('2008', ['2027-01-01'])).toBe(false);
    expect(minorOnAny('2008-03', ['2026-06-30'])).toBe(false);
    expect(minorOnAny('2008-09', ['2026-06-30'])).toBe(true);
    expect(minorOnAny(undefined, ['2026-01-01'])).toBe(false);
  });
});
