/**
 * Runs the real build (`npm run build`, scripts/build.ts: the content gate and
 * pages, the output gate, the search data) as a release builder would, on any
 * content root. Asynchronous, so a test's timeout can fire while it runs and
 * another test file's browser work goes on beside it.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { projectTmp } from './tmp.ts';

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as a terminal would show them. */
  output: string;
  outDir: string;
}

/** Runs a Node script of the project to its end; its status and everything it printed. */
export function runNode(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ status: number | null; output: string }> {
  // A variable given as undefined is left out (the child sees it unset).
  const unset = new Set(Object.keys(env).filter((name) => env[name] === undefined));
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' }).filter(([name]) => !unset.has(name)),
  );
  const child = spawn(process.execPath, args, {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (status) => done({ status, output }));
  });
}

/**
 * Builds `contentDir` into `outDir` (by default a fresh folder inside the project: see tmp.ts), with
 * extra `env`; `contentDir` null builds the repository's own content/ as `npm run build` does.
 */
export async function buildSite(
  contentDir: string | null,
  outDir = join(projectTmp('build-'), 'dist'),
  env: Record<string, string> = {},
): Promise<BuildResult> {
  if (!resolve(outDir).startsWith(process.cwd())) throw new Error(`outDir must be inside the project: ${outDir}`);
  const r = await runNode([resolve('scripts/build.ts'), '--outDir', outDir], {
    ...env,
    HONOUR_CONTENT_DIR: contentDir ?? undefined,
  });
  return { ...r, outDir };
}
