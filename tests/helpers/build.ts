/** Runs the real build (`npm run build`, scripts/build.ts) as a release builder would, on any content root. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { projectTmp } from './tmp.ts';

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as a terminal would show them. */
  output: string;
  outDir: string;
}

/** Builds `contentDir` into `outDir` (by default a fresh folder inside the project: see tmp.ts), with extra `env`. */
export function astroBuild(
  contentDir: string,
  outDir = join(projectTmp('build-'), 'dist'),
  env: Record<string, string> = {},
): BuildResult {
  if (!resolve(outDir).startsWith(process.cwd())) throw new Error(`outDir must be inside the project: ${outDir}`);
  const r = spawnSync(process.execPath, [resolve('scripts/build.ts'), '--outDir', outDir], {
    env: { ...process.env, ...env, HONOUR_CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}
