/** Where a bench build's time went, read from its log: Astro's own lines and the project's steps. */

export interface Phases {
  /** Content layer sync and type generation (from Astro's log timestamps, 1 s resolution). */
  sync: number;
  /** Vite/Rolldown bundling of pages and MDX modules. */
  bundle: number;
  /** Rendering every page to HTML. */
  pages: number;
  /** Making the photo renditions (the photo step of the gate step). */
  images: number;
}

export const seconds = (hms: string) => {
  const [h, m, s] = hms.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
};

/** The photo step's own line (src/publish/gate-site.ts): renditions made, linked from the cache, seconds. */
export function photoStep(log: string): { made: number; reused: number; seconds: number } {
  const m = /照片：生成 (\d+) 个，沿用 (\d+) 个（用时 ([\d.]+) 秒）/.exec(log);
  return m
    ? { made: Number(m[1]), reused: Number(m[2]), seconds: Number(m[3]) }
    : { made: NaN, reused: NaN, seconds: NaN };
}

/** Where a build's time went, read from Astro's own log lines and the photo step's. */
export function phases(log: string): Phases {
  const at = (re: RegExp) => {
    const m = re.exec(log);
    return m ? seconds(m[1]!) : NaN;
  };
  // Astro writes durations as 450ms, 42.88s or 1m 3s.
  const duration = (m: RegExpExecArray | null) =>
    m ? (m[1] ? Number(m[1]) * 60 : 0) + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1) : NaN;
  const after = (marker: string) => {
    const i = log.indexOf(marker);
    return i < 0 ? NaN : duration(/Completed in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(log.slice(i)));
  };
  const bundle = duration(/\[vite\] ✓ built in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(log));
  return {
    sync: at(/(\d\d:\d\d:\d\d) \[types\] Generated/) - at(/(\d\d:\d\d:\d\d) \[content\] Syncing content/),
    bundle,
    pages: after('generating static routes'),
    images: photoStep(log).seconds,
  };
}
