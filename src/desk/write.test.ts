import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAtomically } from './write.ts';

describe('writeAtomically', () => {
  let root: string;
  let elsewhere: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'honour-write-'));
    elsewhere = mkdtempSync(join(tmpdir(), 'honour-write-elsewhere-'));
    writeFileSync(join(elsewhere, 'target.mdx'), 'outside');
    symlinkSync(elsewhere, join(root, 'linked'));
    symlinkSync(join(elsewhere, 'target.mdx'), join(root, 'link.mdx'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('writes a file, making its folders, and leaves no temporary file', () => {
    writeAtomically(root, join(root, 'entries/yaodu/a.mdx'), '甲');
    writeAtomically(root, join(root, 'entries/yaodu/a.mdx'), '乙');
    expect(readFileSync(join(root, 'entries/yaodu/a.mdx'), 'utf8')).toBe('乙');
    expect(readdirSync(join(root, 'entries/yaodu'))).toEqual(['a.mdx']);
  });

  it('never writes through a symlink, to a folder or a file, nor outside the root', () => {
    expect(() => writeAtomically(root, join(root, 'linked/b.mdx'), 'x')).toThrow();
    expect(() => writeAtomically(root, join(root, 'link.mdx'), 'x')).toThrow();
    expect(() => writeAtomically(root, join(elsewhere, 'c.mdx'), 'x')).toThrow();
    expect(readdirSync(elsewhere)).toEqual(['target.mdx']);
    expect(readFileSync(join(elsewhere, 'target.mdx'), 'utf8')).toBe('outside');
    expect(lstatSync(join(root, 'link.mdx')).isSymbolicLink()).toBe(true);
  });
});
