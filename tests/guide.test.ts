/**
 * The editors' guide (docs/editing.md) as an office reads it: every table
 * intact, commit and push spelled out, the unavoidable words explained.
 * Static reads of the Markdown: no build.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const guide = readFileSync('docs/editing.md', 'utf8');

/** A table row's cells: split on pipes not escaped with a backslash. */
const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/);

/** The guide's Markdown tables outside code blocks, as arrays of rows with their line numbers. */
function tables(text: string): Array<Array<{ line: number; row: string }>> {
  const out: Array<Array<{ line: number; row: string }>> = [];
  let fenced = false;
  let current: Array<{ line: number; row: string }> = [];
  text.split('\n').forEach((row, i) => {
    if (/^\s*```/.test(row)) fenced = !fenced;
    if (!fenced && /^\s*\|/.test(row)) current.push({ line: i + 1, row });
    else if (current.length) {
      out.push(current);
      current = [];
    }
  });
  if (current.length) out.push(current);
  return out;
}

/** The text of a section, from its heading to the next heading of the same level or above. */
function section(heading: RegExp): string {
  const lines = guide.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return '';
  const level = /^#+/.exec(lines[start] ?? '')?.[0].length ?? 2;
  const end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}} `).test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('the editors’ guide', () => {
  it('has no table broken by a pipe (a | inside backticks is written \\|)', () => {
    const broken = tables(guide).flatMap((t) => {
      const width = cells(t[0]?.row ?? '').length;
      return t.filter((r) => cells(r.row).length !== width).map((r) => `docs/editing.md:${r.line}`);
    });
    expect(broken).toEqual([]);
  });

  it('says how to commit and push on an office PC, name and e-mail set once, and what to do when a push is refused', () => {
    const steps = section(/^## .*提交和推送/);
    for (const step of [
      'git config --global user.name',
      'git config --global user.email',
      'Author identity unknown',
      'git status',
      'git add',
      'git commit -m',
      'git push',
      'git pull --rebase',
      'content:check',
    ])
      expect(steps, step).toContain(step);
    // The desk (a browser page) is named as the way in to come, so the steps stay valid beside it.
    expect(steps).toMatch(/编辑台/);
  });

  it('explains every unavoidable word in a glossary', () => {
    const glossary = section(/^## .*名词解释/);
    for (const word of [
      '终端',
      'npm',
      'YAML',
      '缩进',
      'id',
      '拼音文件名',
      'UTF-8',
      '&lt;',
      '符号链接',
      'git',
      '提交',
      '推送',
    ])
      expect(glossary, word).toMatch(new RegExp(`^\\| \\*\\*[^|]*${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
  });

  it('points to the generated list of ids', () => {
    expect(guide).toContain('docs/ids.md');
  });
});
