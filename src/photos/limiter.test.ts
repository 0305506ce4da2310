import { describe, expect, it } from 'vitest';
import { limiter } from './limiter.ts';

describe('photo transform queue', () => {
  it('runs at most the limit at once, every task to the end, even when one fails', async () => {
    const run = limiter(2);
    let active = 0;
    let most = 0;
    const task = (i: number) =>
      run(async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 5));
        active -= 1;
        if (i === 3) throw new Error('bad photo');
        return i;
      });
    const results = await Promise.allSettled(Array.from({ length: 9 }, (_, i) => task(i)));
    expect(most).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual([0, 1, 2, 4, 5, 6, 7, 8]);
    expect(results[3]?.status).toBe('rejected');
    // The queue is free again afterwards.
    expect(await run(() => Promise.resolve('again'))).toBe('again');
  });
});
