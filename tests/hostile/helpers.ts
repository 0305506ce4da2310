/** Shared pieces of the hostile-content suite: a content root to attack, and proof that nothing ran. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent } from '../../src/editor/check.ts';
import { formatProblem } from '../../src/rules/problems.ts';

/** An entry of the mini fixture whose story the cases replace. */
export const VICTIM = 'entries/zhang-san-xixian.mdx';

/** A folder outside the project where an attack would leave its mark. */
export function markerDir(): string {
  return mkdtempSync(join(tmpdir(), 'honour-marker-'));
}

/** Every file below `dir` (none when it does not exist): what an attack would have written. */
export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

/** One digest of a folder's paths and bytes: equal digests, byte-identical trees. */
export function treeDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const f of filesIn(dir).sort())
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(dir, f)))
      .update('\0');
  return hash.digest('hex');
}

/** The content check's errors for a root, as editors read them. */
export async function checkErrors(root: string): Promise<string[]> {
  const { problems } = await checkContent(root, root);
  return problems.filter((p) => p.severity === 'error').map(formatProblem);
}

/** Runs an editor command on a content root as editors do. */
export function runScript(script: string, root: string, args: string[] = []): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, HONOUR_CONTENT_DIR: root },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
