/**
 * Writing an import: all rows or none, one import at a time.
 *
 * 1. Every file is written to a temporary name beside its final one. The
 *    writer yields to the event loop as it goes, so Ctrl-C (SIGINT) or
 *    SIGTERM is seen: the temporaries are removed and nothing was written.
 * 2. A journal listing every (temporary, final) pair is written to the
 *    content root: from here the import is committed.
 * 3. The temporaries are renamed into place, then the journal is removed.
 *
 * A SIGKILL at step 1 leaves temporaries; at step 3, a journal. The next
 * `content:import --write` finishes or cleans up what it finds, and
 * `content:check` reports it until then, so a half-done import never
 * passes for a whole one.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { setImmediate as yieldToSignals } from 'node:timers/promises';
import { tryLock } from '../build/lock.ts';

/** Suffix of an import's temporary files. */
export const TEMP_SUFFIX = '.import-tmp';
/** The journal of an import being committed, in the content root. */
export const JOURNAL = '.import-journal.json';
/** The lock of an import being written, in the content root. */
export const LOCK = '.import.lock';

export interface PlannedWrite {
  /** Final path of the file. */
  path: string;
  /** Its text, or the file to copy (a photo). */
  text?: string;
  copyFrom?: string;
}

const tempOf = (path: string) => join(dirname(path), `.${basename(path)}${TEMP_SUFFIX}`);

/** Takes the import lock of a content root, or says who holds it (src/build/lock.ts). */
export function acquireImportLock(root: string): ReturnType<typeof tryLock> {
  return tryLock(join(root, LOCK));
}

/** Temporary files of imports below the entries folder. */
function tempFiles(root: string): string[] {
  const dir = join(root, 'entries');
  const journalTemp = join(root, `${JOURNAL}${TEMP_SUFFIX}`);
  const entries = existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith(TEMP_SUFFIX))
        .map((f) => join(dir, f))
    : [];
  return [...(existsSync(journalTemp) ? [journalTemp] : []), ...entries];
}

/** What a killed import left: its journal and temporary files (paths relative to `cwd`). */
export function importLeftovers(root: string, cwd = process.cwd()): string[] {
  const journal = existsSync(join(root, JOURNAL)) ? [join(root, JOURNAL)] : [];
  return [...journal, ...tempFiles(root)].map((p) => relative(cwd, p));
}

/**
 * Finishes an import killed while committing (its journal says what), and
 * removes the temporaries of one killed before it committed. Returns what it
 * did, for the editor.
 */
export function recoverImport(root: string): string[] {
  const notes: string[] = [];
  const journal = join(root, JOURNAL);
  if (existsSync(journal)) {
    const pairs = JSON.parse(readFileSync(journal, 'utf8')) as Array<[string, string]>;
    let done = 0;
    for (const [tmp, final] of pairs) {
      if (existsSync(tmp)) {
        renameSync(tmp, final);
        done += 1;
      }
    }
    rmSync(journal);
    notes.push(`上次导入在写入途中被强制结束：已补完剩下的 ${done} 个文件（共 ${pairs.length} 个）`);
  }
  const stray = tempFiles(root);
  for (const f of stray) rmSync(f);
  if (stray.length) notes.push(`上次导入在写入前被强制结束：已删除它留下的 ${stray.length} 个临时文件，没有文件被改动`);
  return notes;
}

/**
 * Writes every planned file or none. `interrupted` is polled while the
 * temporaries are written; once the journal is in place the import is
 * committed and finishes whatever happens.
 */
export async function writeAll(
  root: string,
  writes: readonly PlannedWrite[],
  interrupted: () => boolean,
): Promise<'written' | 'interrupted'> {
  const pairs: Array<[string, string]> = [];
  const undo = () => {
    for (const [tmp] of pairs) rmSync(tmp, { force: true });
  };
  try {
    for (const [i, w] of writes.entries()) {
      if (i % 20 === 0) await yieldToSignals();
      if (interrupted()) {
        undo();
        return 'interrupted';
      }
      mkdirSync(dirname(w.path), { recursive: true });
      const tmp = tempOf(w.path);
      pairs.push([tmp, w.path]);
      if (w.copyFrom) copyFileSync(w.copyFrom, tmp);
      else writeFileSync(tmp, w.text ?? '');
    }
    await yieldToSignals();
    if (interrupted()) {
      undo();
      return 'interrupted';
    }
  } catch (e) {
    undo();
    throw e;
  }
  const journal = join(root, JOURNAL);
  writeFileSync(`${journal}${TEMP_SUFFIX}`, JSON.stringify(pairs));
  renameSync(`${journal}${TEMP_SUFFIX}`, journal);
  for (const [tmp, final] of pairs) renameSync(tmp, final);
  rmSync(journal);
  return 'written';
}
