import { describe, expect, it } from 'vitest';
import { previousReleaseTag } from './git.ts';

describe('previousReleaseTag', () => {
  const releases = new Map([
    ['2026-q1', { date: '2026-03-20' }],
    ['2026-q2', { date: '2026-06-20' }],
    ['2026-q3', { date: '2026-09-20' }],
  ]);

  it('is the newest tagged release dated before this one, whatever the tags’ order', () => {
    const tags = ['release/2026-q1', 'release/2026-q3', 'release/2026-q2', 'release/unknown'];
    expect(previousReleaseTag(tags, releases, '2026-09-20')).toEqual({ tag: 'release/2026-q2', date: '2026-06-20' });
  });

  it('is undefined for the first release', () => {
    expect(previousReleaseTag(['release/2026-q2'], releases, '2026-03-20')).toBeUndefined();
  });
});
