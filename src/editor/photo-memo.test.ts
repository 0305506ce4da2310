import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoMemo } from './photo-memo.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'photo-memo-'));

describe('photoMemo', () => {
  it('knows a photo that passed, across runs, until the file changes', () => {
    const dir = folder();
    const photo = join(dir, 'a.jpg');
    const memoFile = join(dir, 'memo.json');
    writeFileSync(photo, 'first');
    const first = photoMemo(memoFile);
    expect(first.passed(photo)).toBe(false);
    first.pass(photo);
    first.save();
    expect(photoMemo(memoFile).passed(photo)).toBe(true);
    appendFileSync(photo, ' and more');
    expect(photoMemo(memoFile).passed(photo)).toBe(false);
  });

  it('checks a file again when it is replaced by another of the same size and time', () => {
    const dir = folder();
    const photo = join(dir, 'a.jpg');
    const memo = photoMemo();
    writeFileSync(photo, 'AAAA');
    const stamp = 1_700_000_000; // whole seconds, so setting it back is exact
    utimesSync(photo, stamp, stamp);
    memo.pass(photo);
    // Same length and modification time set back: the status-change time still tells.
    writeFileSync(join(dir, 'b.jpg'), 'BBBB');
    copyFileSync(join(dir, 'b.jpg'), photo);
    utimesSync(photo, stamp, stamp);
    expect(memo.passed(photo)).toBe(false);
  });

  it('forgets photos a run no longer met', () => {
    const dir = folder();
    const memoFile = join(dir, 'memo.json');
    const [a, b] = [join(dir, 'a.jpg'), join(dir, 'b.jpg')];
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    const first = photoMemo(memoFile);
    first.pass(a);
    first.pass(b);
    first.save();
    const second = photoMemo(memoFile);
    expect(second.passed(a)).toBe(true);
    second.save();
    expect(JSON.parse(readFileSync(memoFile, 'utf8'))).toHaveLength(1);
  });
});
