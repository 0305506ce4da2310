/**
 * Which pages a build rendered and which it reused, read from Astro's own
 * log: each page is a line `├─ <file>`, followed at once by `(cached)` or
 * `(restored)` when the incremental build copied it from the last build, and
 * by its render time otherwise. Rendering runs several pages at once, so a
 * page's time may come lines later, but a reused page's mark always follows
 * its file name directly (Astro writes both without waiting in between).
 */

/** Astro's colours, when it writes to a terminal. */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** A file name runs up to white space or up to the next line's time stamp (`19:03:08`). */
const FILE = /^(\/\S*?)(?=\d\d:\d\d:\d\d|\s|$)/;

export interface PageLog {
  /** Output files rendered by this build, as Astro names them (`/people/x/index.html`). */
  rendered: string[];
  /** Output files copied from the incremental build's cache. */
  reused: string[];
}

/** The pages (and other generated files) a build's log shows rendered and reused. */
export function pageLog(log: string): PageLog {
  const out: PageLog = { rendered: [], reused: [] };
  for (const chunk of log.replace(ANSI, '').split('├─ ').slice(1)) {
    const file = FILE.exec(chunk)?.[1];
    if (!file) continue;
    const rest = chunk.slice(file.length);
    (/^ \((?:cached|restored)\)/.test(rest) ? out.reused : out.rendered).push(file);
  }
  return out;
}

/** Counts pages rendered and reused in a stream of log text that arrives in pieces. */
export function pageCounter(): { write(text: string): void; counts(): { rendered: number; reused: number } } {
  let pending = '';
  let rendered = 0;
  let reused = 0;
  const take = (text: string) => {
    const seen = pageLog(text);
    rendered += seen.rendered.length;
    reused += seen.reused.length;
  };
  return {
    write(text) {
      // Only whole lines are read: a file name or its mark may be split between two pieces.
      pending += text;
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      take(pending.slice(0, end + 1));
      pending = pending.slice(end + 1);
    },
    counts() {
      if (pending) take(pending);
      pending = '';
      return { rendered, reused };
    },
  };
}
