/** Problems found in content, and how they are printed for editors. */
import type { ProblemCode } from './problem-codes.ts';

export type { ProblemCode } from './problem-codes.ts';

export interface Problem {
  /** Path of the file, relative to the working directory where possible. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field, as written in the file, e.g. `honours[0].title`. */
  field: string;
  /** What is wrong and how to fix it, in plain Chinese. */
  message: string;
  /** Errors stop the build; warnings are printed only. */
  severity: 'error' | 'warning';
  /** What kind of problem it is (src/rules/problem-codes.ts): keys the guide's table of messages. */
  code: ProblemCode;
}

/**
 * `file:line — field — message［代码 code］`, the form every content command prints;
 * the code finds the row of the guide's table (docs/editing.md) that says more.
 */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const tag = p.severity === 'warning' ? '［提醒］' : '［错误］';
  return `${tag}${where} — ${p.field || '（整个文件）'} — ${p.message}${codeTag(p.code)}`;
}

/** The code as printed after a message. */
export function codeTag(code: ProblemCode): string {
  return `［代码 ${code}］`;
}

/** Formats a zod issue path the way the field is written in YAML. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * A report of the problems, errors first, with a closing count line; past `most` lines, one line
 * says how many more there are (a build's log: a child's huge last message could lose its end).
 */
export function formatReport(problems: readonly Problem[], most = Infinity): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const all = [...errors, ...warnings];
  const lines = all.slice(0, most).map(formatProblem);
  if (all.length > most)
    lines.push(`……还有 ${all.length - most} 条没有列出：运行 npm run content:check 可以看到全部。`);
  lines.push(
    errors.length
      ? `内容检查未通过：${errors.length} 个错误，${warnings.length} 个提醒。请按上面的提示逐条修改后再试。`
      : `内容检查通过：0 个错误，${warnings.length} 个提醒。`,
  );
  return lines.join('\n');
}
