import { describe, expect, it } from 'vitest';
import { storyDataProblems } from './personal-data.ts';

const block = (line: number, text: string) => ({ line, text });

describe('storyDataProblems', () => {
  it('reads blocks alone, then one after another, naming the line where a split number starts', () => {
    const found = storyDataProblems([block(15, '他的电话是'), block(17, '138'), block(18, '1234'), block(19, '5678')]);
    expect(found).toEqual([
      { code: 'privacy.joined', message: expect.stringMatching(/^分在几段.*连起来读是手机号码/), line: 17 },
    ]);
  });

  it('lists twenty problems of a story and counts the rest, not one line per number', () => {
    const numbers = Array.from({ length: 500 }, (_, i) => block(15 + i, `电话 139 ${String(1000 + i)} 5678`));
    const found = storyDataProblems(numbers);
    expect(found).toHaveLength(21);
    expect(found[20]?.message).toMatch(/^正文里还有 480 处个人信息/);
  });
});
