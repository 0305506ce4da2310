/** Front-matter data of one entry for unit tests of the roll: a person in region a, category c1. */
import type { EntryInput } from '../../src/roll/roll.ts';

export function entryInput(name: string, over: Partial<EntryInput> = {}): EntryInput {
  return {
    name,
    kind: 'person',
    region: 'a',
    category: 'c1',
    honours: [{ title: 'city', year: 2025 }],
    summary: '事迹',
    minor: false,
    deceased: false,
    status: 'active',
    draft: false,
    allowBirth: false,
    formerSlugs: [],
    sources: [],
    ...over,
  };
}
