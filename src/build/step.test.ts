import { describe, expect, it } from 'vitest';
import { runStep, stepEnd, stepEndLine } from './step.ts';

describe('a build step’s end, told in Chinese', () => {
  it('tells a heap out of memory, a kill and a crash from a failure that explained itself', () => {
    expect(stepEnd(0, null, '')).toEqual({ ok: true });
    expect(stepEnd(1, null, '构建失败')).toEqual({ ok: false, cause: 'failed' });
    const heap = 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory';
    expect(stepEnd(null, 'SIGABRT', heap)).toEqual({ ok: false, cause: 'out-of-memory' });
    expect(stepEnd(134, null, '')).toEqual({ ok: false, cause: 'out-of-memory' });
    expect(
      stepEnd(1, null, 'Error [ERR_WORKER_OUT_OF_MEMORY]: Worker terminated due to reaching memory limit'),
    ).toEqual({ ok: false, cause: 'out-of-memory' });
    expect(stepEnd(null, 'SIGKILL', '')).toEqual({ ok: false, cause: 'killed', signal: 'SIGKILL' });
    expect(stepEnd(null, 'SIGSEGV', '')).toEqual({ ok: false, cause: 'crashed', signal: 'SIGSEGV' });
    expect(stepEndLine('发布检查', { ok: false, cause: 'out-of-memory' })).toMatch(/^构建的“发布检查”步骤内存不足/);
    expect(stepEndLine('搜索索引', { ok: false, cause: 'killed' })).toBe(
      '构建的“搜索索引”步骤被系统强制结束（可能是内存不足）。',
    );
    expect(stepEndLine('发布检查', { ok: false, cause: 'failed' })).toBeUndefined();
  });

  it('reads a real step that runs out of heap, and one killed by the system, keeping their output', async () => {
    const grow = 'console.error("开始"); const a = []; for (;;) a.push(new Array(1e5).fill(Math.random()));';
    let said = '';
    const errors = { write: (chunk: Buffer) => (said += chunk.toString()) };
    const heap = await runStep(['--max-old-space-size=24', '-e', grow], process.env, errors).done;
    expect(heap).toEqual({ ok: false, cause: 'out-of-memory' });
    expect(said).toMatch(/^开始\n[\s\S]*JavaScript heap out of memory/);
    const killed = await runStep(['-e', 'process.kill(process.pid, "SIGKILL")'], process.env, errors).done;
    expect(killed).toEqual({ ok: false, cause: 'killed', signal: 'SIGKILL' });
    expect(await runStep(['-e', 'process.exit(3)'], process.env).done).toEqual({ ok: false, cause: 'failed' });
  });
});
