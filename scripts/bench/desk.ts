/**
 * The desk's costs on a large county: `entriesByFolder` of one county folder of `size` entries
 * (what Decap asks every time a county's list opens), first with nothing kept and then again, and
 * a save of one entry of that county (its check runs the cross-file rules against every entry),
 * first and then again. Through HTTP, as Decap asks: the answer's JSON is part of the cost.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateContent } from './generate.ts';
import { startDesk } from '../../src/desk/server.ts';

/** Seconds of each measured step, and the listing's size. */
export interface DeskBench {
  listFirst: number;
  listAgain: number;
  /** CPU seconds of the bench's process (desk and client) for the listing again: what the wall time is on an idle core. */
  listAgainCpu: number;
  listMiB: number;
  entries: number;
  saveFirst: number;
  saveAgain: number;
}

const PAGE = { html: () => '', config: () => '', assets: () => new Map<string, string>() };

/** Measures the desk over a root of `size` entries of one county, generated at `dir` (a git repository). */
export async function benchDesk(dir: string, size: number): Promise<DeskBench> {
  const written = await generateContent(dir, { size, region: 'yaodu' });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.cn', 'commit', '-qm', 'bench');
  git('config', '--local', 'user.name', 'bench');
  git('config', '--local', 'user.email', 'bench@example.cn');
  const desk = await startDesk({ root: dir, port: 0, page: PAGE });
  const origin = desk.url.replace(/\/$/, '');
  const post = async (body: unknown) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const r = await fetch(`${origin}/api/${desk.token}/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`desk answered ${r.status}: ${text.slice(0, 500)}`);
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, text };
  };
  try {
    const list = {
      action: 'entriesByFolder',
      params: { branch: 'main', folder: 'entries/yaodu', extension: 'mdx', depth: 1 },
    };
    const first = await post(list);
    const again = await post(list);
    const entries = (JSON.parse(again.text) as unknown[]).length;
    const file = written[Math.floor(written.length / 2)] ?? '';
    const path = file.slice(dir.length + 1);
    const save = (n: number) => {
      const raw = readFileSync(join(dir, path), 'utf8').replace(/^summary: (.*)$/m, `summary: $1（第 ${n} 次修改）`);
      return post({
        action: 'persistEntry',
        params: {
          branch: 'main',
          dataFiles: [{ slug: 'x', path, raw }],
          assets: [],
          options: { commitMessage: 'x', useWorkflow: false, status: '' },
        },
      });
    };
    const saveFirst = await save(1);
    const saveAgain = await save(2);
    return {
      listFirst: first.seconds,
      listAgain: again.seconds,
      listAgainCpu: again.cpu,
      listMiB: Buffer.byteLength(again.text) / 2 ** 20,
      entries,
      saveFirst: saveFirst.seconds,
      saveAgain: saveAgain.seconds,
    };
  } finally {
    await desk.close();
  }
}
