/** Runs the real `astro build` as a release builder would, on any content root. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as a terminal would show them. */
  output: string;
  outDir: string;
}

export function astroBuild(contentDir: string, outDir: string): BuildResult {
  const r = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    env: { ...process.env, HONOUR_CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}
