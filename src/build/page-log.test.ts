import { describe, expect, it } from 'vitest';
import { pageCounter, pageLog } from './page-log.ts';

// As Astro 7 writes it with four pages rendering at once (from a real build log, shortened).
const LOG = [
  ' generating static routes ',
  '19:03:08   ├─ /404.html19:03:08   ├─ /years/2019/index.html19:03:08   ├─ /data/entries.json (+109ms) ',
  ' (+21ms) ',
  '19:03:08   ├─ /people/li-si-dongqu/index.html (cached)',
  '19:03:08   ├─ /regions/dongqu/2/index.html \u001b[32m(restored)\u001b[39m',
  '19:03:09   ├─ /people/index.html (+9ms) ',
  ' (+7ms) ',
  '19:03:09 ✓ Completed in 1.80s.',
  '',
].join('\n');

describe('the page lines of a build log', () => {
  it('tell the pages rendered from those reused, though render times come lines later', () => {
    expect(pageLog(LOG)).toEqual({
      rendered: ['/404.html', '/years/2019/index.html', '/data/entries.json', '/people/index.html'],
      reused: ['/people/li-si-dongqu/index.html', '/regions/dongqu/2/index.html'],
    });
  });

  it('are counted the same when the log arrives in pieces split anywhere', () => {
    for (const at of [5, 40, 101, 150, 230]) {
      const counter = pageCounter();
      counter.write(LOG.slice(0, at));
      counter.write(LOG.slice(at));
      expect(counter.counts(), `split at ${at}`).toEqual({ rendered: 4, reused: 2 });
    }
  });
});
