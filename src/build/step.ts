/**
 * One step of the build in a process of its own (scripts/build.ts), and how
 * it ended, in a line an editor can read: a step that ran out of memory or
 * was killed prints no hint of its own, or an English stack.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** How a step ended. */
export type StepEnd =
  | { ok: true }
  /** `failed`: it said why itself; `out-of-memory`: V8's heap (or a worker's) was full; `killed`/`crashed`: a signal. */
  | { ok: false; cause: 'failed' | 'out-of-memory' | 'killed' | 'crashed'; signal?: NodeJS.Signals };

/** What V8 and Node print when a heap, or a worker's, is full (the process then aborts: SIGABRT, exit code 134 in a shell). */
const OUT_OF_MEMORY =
  /JavaScript heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|reaching memory limit|Array buffer allocation failed/;

/** Bytes of a step's error output kept to classify its end (V8's last words come last). */
const TAIL = 16 * 1024;

/** How a step ended, from its exit code or signal and the end of its error output. */
export function stepEnd(code: number | null, signal: NodeJS.Signals | null, errorTail: string): StepEnd {
  if (code === 0 && !signal) return { ok: true };
  if (OUT_OF_MEMORY.test(errorTail) || signal === 'SIGABRT' || code === 134)
    return { ok: false, cause: 'out-of-memory' };
  // The kernel's OOM killer sends SIGKILL; so does an operator's `kill -9`.
  if (signal === 'SIGKILL' || code === 137) return { ok: false, cause: 'killed', signal: signal ?? 'SIGKILL' };
  if (signal) return { ok: false, cause: 'crashed', signal };
  return { ok: false, cause: 'failed' };
}

/** The Chinese line saying how the step `name` ended, when it could not say so itself. */
export function stepEndLine(name: string, end: StepEnd): string | undefined {
  if (end.ok) return undefined;
  switch (end.cause) {
    case 'out-of-memory':
      return `构建的“${name}”步骤内存不足，已停止。请先运行 npm run content:check 查找特别大的正文（表格、列表），或在内存更大的电脑上构建。`;
    case 'killed':
      return `构建的“${name}”步骤被系统强制结束（可能是内存不足）。`;
    case 'crashed':
      return `构建的“${name}”步骤意外中止（${end.signal ?? '信号'}）。`;
    default:
      return undefined;
  }
}

/**
 * Runs `node <args>` as a step: its output goes where ours goes, as it comes
 * (error output through a pipe to `errors`, so its end can be read); `done` tells how it ended.
 */
export function runStep(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  errors: { write: (chunk: Buffer) => unknown } = process.stderr,
  /** Where its output goes, when it is to be read as it comes (Astro's page lines: page-log.ts); else ours. */
  output?: { write: (chunk: Buffer) => unknown },
): { child: ChildProcess; done: Promise<StepEnd> } {
  const child = spawn(process.execPath, args, { stdio: ['inherit', output ? 'pipe' : 'inherit', 'pipe'], env });
  if (output) child.stdout?.on('data', (chunk: Buffer) => output.write(chunk));
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-TAIL);
  });
  const done = new Promise<StepEnd>((resolve) =>
    child.once('close', (code, signal) => resolve(stepEnd(code, signal, tail))),
  );
  return { child, done };
}
